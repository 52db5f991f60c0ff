import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Relationship, RELATIONSHIPS, REQUEST_TYPES, type RequestType } from '@vocabulary';
import { Link } from 'react-router';

interface RequestForm {
  requestType: RequestType;
  subject: {
    status: 'DECEASED' | 'INCAPACITATED';
    fullName: string;
    accountEmail: string;
    countryOfResidence: string;
    dateOfDeath?: string;
  };
  requester: {
    fullName: string;
    email: string;
    relationship: Relationship;
    countryOfResidence: string;
    language: string;
  };
}

interface Created {
  reference: string;
  accessToken: string;
}

/** The family's request: what they want, about whom, from whom. Documents follow on the status page. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const form = useForm<RequestForm>({
    defaultValues: { requestType: 'RELEASE_DATA', subject: { status: 'DECEASED' } },
  });
  const submit = useMutation({
    mutationFn: async (values: RequestForm): Promise<Created> => {
      const body = { ...values, requester: { ...values.requester, language: i18n.language } };
      if (values.subject.status !== 'DECEASED') delete body.subject.dateOfDeath;
      const response = await fetch('/api/v1/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(((await response.json()) as { detail?: string }).detail ?? t('error.generic'));
      return (await response.json()) as Created;
    },
  });

  if (submit.data) {
    return (
      <section aria-live="polite">
        <h2>{t('request.sent', { reference: submit.data.reference })}</h2>
        <p>{t('request.keep')}</p>
        <p>
          {t('request.token')}: <code>{submit.data.accessToken}</code>
        </p>
        <p>
          {t('request.link')}{' '}
          <Link to={`/requests/${submit.data.reference}#t=${submit.data.accessToken}`}>{t('request.next')}</Link>
        </p>
      </section>
    );
  }
  const status = form.watch('subject.status');
  return (
    <form onSubmit={(event) => void form.handleSubmit((values) => submit.mutate(values))(event)}>
      <h2>{t('request.heading')}</h2>
      <fieldset>
        <legend>{t('request.outcome')}</legend>
        {REQUEST_TYPES.map((type) => (
          <label key={type}>
            <input type="radio" value={type} {...form.register('requestType')} /> {t(`request.${type}`)}
            <small> {t(`request.${type}_help`)}</small>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('request.subject')}</legend>
        <label>
          {t('request.status')}{' '}
          <select {...form.register('subject.status')}>
            <option value="DECEASED">{t('request.DECEASED')}</option>
            <option value="INCAPACITATED">{t('request.INCAPACITATED')}</option>
          </select>
        </label>
        <label>
          {t('request.fullName')} <input required {...form.register('subject.fullName')} />
        </label>
        <label>
          {t('request.accountEmail')} <input type="email" required {...form.register('subject.accountEmail')} />
        </label>
        <label>
          {t('request.country')} <input required maxLength={2} {...form.register('subject.countryOfResidence')} />
        </label>
        {status === 'DECEASED' && (
          <label>
            {t('request.dateOfDeath')} <input type="date" required {...form.register('subject.dateOfDeath')} />
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('request.requester')}</legend>
        <label>
          {t('request.yourName')} <input required {...form.register('requester.fullName')} />
        </label>
        <label>
          {t('request.yourEmail')} <input type="email" required {...form.register('requester.email')} />
        </label>
        <label>
          {t('request.relationship')}{' '}
          <select {...form.register('requester.relationship')}>
            {RELATIONSHIPS.map((relationship) => (
              <option key={relationship} value={relationship}>
                {t(`relationship.${relationship}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('request.yourCountry')} <input required maxLength={2} {...form.register('requester.countryOfResidence')} />
        </label>
      </fieldset>
      {submit.error && <p role="alert">{submit.error.message}</p>}
      <button type="submit" disabled={submit.isPending}>
        {t('request.submit')}
      </button>
    </form>
  );
}
