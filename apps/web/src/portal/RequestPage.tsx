import { Alert, Button, Group, NativeSelect, Radio, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { RELATIONSHIPS, REQUEST_TYPES } from '@vocabulary';
import { useMemo, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { CreateRequestDto } from '../api/openapi.js';
import { countryOptions } from '../common/countries.js';
import { NewRequestDocuments } from './NewRequestDocuments.js';

/** The form's values are the request itself (its language is the page's, set as it is sent). */
type RequestForm = CreateRequestDto;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The fields each step checks before the next one opens. */
const STEP_FIELDS: FieldPath<RequestForm>[][] = [
  ['requestType'],
  ['subject.status', 'subject.fullName', 'subject.accountEmail', 'subject.countryOfResidence', 'subject.dateOfDeath'],
  ['requester.fullName', 'requester.email', 'requester.relationship', 'requester.countryOfResidence'],
];

/** The family's request, step by step: what they want, about whom, from whom, then the documents. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState(0);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const form = useForm<RequestForm>({
    defaultValues: {
      requestType: 'RELEASE_DATA',
      subject: { status: 'DECEASED', countryOfResidence: '' },
      requester: { relationship: 'CHILD', countryOfResidence: '' },
    },
  });
  const submit = useMutation({
    mutationFn: (values: RequestForm) => {
      const body = { ...values, requester: { ...values.requester, language: i18n.language } };
      if (values.subject.status !== 'DECEASED') delete body.subject.dateOfDeath;
      return unwrap(client.POST('/api/v1/requests', { body }));
    },
    onSuccess: (created) => {
      // The status page opens with it in this tab even if the family loses the link.
      sessionStorage.setItem(`nok.token.${created.reference}`, created.accessToken);
      setStep(3);
    },
  });
  const { errors } = form.formState;
  const required = { required: t('request.required') };
  const email = { ...required, pattern: { value: EMAIL, message: t('request.invalidEmail') } };
  const next = async () => {
    if (await form.trigger(STEP_FIELDS[step])) setStep(step + 1);
  };
  const requestType = form.watch('requestType');
  const deceased = form.watch('subject.status') === 'DECEASED';
  const countrySelect = (
    name: 'subject.countryOfResidence' | 'requester.countryOfResidence',
    label: string,
    error: string | undefined,
  ) => (
    <NativeSelect
      label={label}
      required
      error={error}
      data={[{ value: '', label: t('request.chooseCountry') }, ...countries]}
      {...form.register(name, required)}
    />
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('request.heading')}</Title>
        <Text mt="xs">{t('request.intro')}</Text>
      </div>
      <form noValidate onSubmit={(event) => void form.handleSubmit((values) => submit.mutate(values))(event)}>
        <Stepper active={step} onStepClick={(index) => submit.data === undefined && index < step && setStep(index)}>
          <Stepper.Step label={t('request.steps.outcome')}>
            <Stack gap="md" mt="md">
              <Radio.Group
                label={t('request.outcome')}
                value={requestType}
                onChange={(value) => form.setValue('requestType', value)}
              >
                <Stack gap="sm" mt="xs">
                  {REQUEST_TYPES.map((type) => (
                    <Radio
                      key={type}
                      value={type}
                      label={t(`request.${type}`)}
                      description={t(`request.${type}_help`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {requestType === 'CLOSE_ACCOUNT' && (
                <Alert color="indigo" variant="light" title={t('request.selfServiceTitle')}>
                  {t('request.selfService')}
                </Alert>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('request.steps.subject')}>
            <Stack gap="sm" mt="md">
              <Title order={3} size="h4">
                {t('request.subject')}
              </Title>
              <NativeSelect
                label={t('request.status')}
                data={[
                  { value: 'DECEASED', label: t('request.DECEASED') },
                  { value: 'INCAPACITATED', label: t('request.INCAPACITATED') },
                ]}
                {...form.register('subject.status')}
              />
              <TextInput
                label={t('request.fullName')}
                required
                error={errors.subject?.fullName?.message}
                {...form.register('subject.fullName', required)}
              />
              <TextInput
                label={t('request.accountEmail')}
                type="email"
                required
                error={errors.subject?.accountEmail?.message}
                {...form.register('subject.accountEmail', email)}
              />
              {countrySelect(
                'subject.countryOfResidence',
                t('request.country'),
                errors.subject?.countryOfResidence?.message,
              )}
              {deceased && (
                <TextInput
                  label={t('request.dateOfDeath')}
                  type="date"
                  required
                  error={errors.subject?.dateOfDeath?.message}
                  {...form.register('subject.dateOfDeath', {
                    validate: (value) => !!value || t('request.required'),
                  })}
                />
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('request.steps.requester')}>
            <Stack gap="sm" mt="md">
              <Title order={3} size="h4">
                {t('request.requester')}
              </Title>
              <TextInput
                label={t('request.yourName')}
                required
                error={errors.requester?.fullName?.message}
                {...form.register('requester.fullName', required)}
              />
              <TextInput
                label={t('request.yourEmail')}
                description={t('request.yourEmailHelp')}
                type="email"
                required
                error={errors.requester?.email?.message}
                {...form.register('requester.email', email)}
              />
              <NativeSelect
                label={t('request.relationship')}
                data={RELATIONSHIPS.map((value) => ({ value, label: t(`relationship.${value}`) }))}
                {...form.register('requester.relationship')}
              />
              {countrySelect(
                'requester.countryOfResidence',
                t('request.yourCountry'),
                errors.requester?.countryOfResidence?.message,
              )}
              {submit.error && (
                <Alert color="red" role="alert">
                  {submit.error.message}
                </Alert>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('request.steps.documents')}>
            {submit.data && <NewRequestDocuments created={submit.data} />}
          </Stepper.Step>
        </Stepper>
        {step < 3 && (
          <Group mt="xl">
            {step > 0 && (
              <Button variant="default" onClick={() => setStep(step - 1)}>
                {t('request.back')}
              </Button>
            )}
            {step < 2 ? (
              <Button onClick={() => void next()}>{t('request.continue')}</Button>
            ) : (
              <Button type="submit" loading={submit.isPending}>
                {t('request.submit')}
              </Button>
            )}
          </Group>
        )}
      </form>
    </Stack>
  );
}
