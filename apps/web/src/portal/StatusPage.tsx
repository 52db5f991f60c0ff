import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { bearer, client, unwrap } from '../api/client.js';
import { textField } from '../common/form.js';
import { AppealForm } from './AppealForm.js';
import { ConfirmEmail } from './ConfirmEmail.js';
import { DeadlinesCard } from './DeadlinesCard.js';
import { DocumentsChecklist } from './DocumentsChecklist.js';
import { WithdrawButton } from './WithdrawButton.js';

/** The token comes with the link the family keeps (`#t=…`, never sent to the server) or is typed in. */
function useToken(reference: string): [string | null, (token: string) => void] {
  const key = `nok.token.${reference}`;
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('t');
  if (fromLink) sessionStorage.setItem(key, fromLink);
  const [token, setToken] = useState(sessionStorage.getItem(key));
  return [
    token,
    (value) => {
      sessionStorage.setItem(key, value);
      setToken(value);
    },
  ];
}

export function useRequestStatus(reference: string, token: string | null) {
  return useQuery({
    queryKey: ['request', reference, token],
    enabled: token !== null,
    queryFn: () =>
      unwrap(
        client.GET('/api/v1/requests/{reference}', { params: { path: { reference } }, headers: bearer(token ?? '') }),
      ),
  });
}

/** The family's page: where the request stands, what is missing and why, the decision, the clock. */
export function StatusPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const [token, setToken] = useToken(reference);
  const status = useRequestStatus(reference, token);

  if (token === null || status.isError) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setToken(textField(new FormData(event.currentTarget), 'token').trim());
        }}
      >
        <Stack maw={480}>
          <Title order={2}>{t('status.open', { reference })}</Title>
          {status.isError && (
            <Alert color="red" role="alert">
              {t('status.wrongToken')}
            </Alert>
          )}
          <TextInput name="token" label={t('request.token')} required autoComplete="off" />
          <Button type="submit" w="fit-content">
            {t('status.show')}
          </Button>
        </Stack>
      </form>
    );
  }
  if (!status.data) return <Text>{t('status.loading')}</Text>;
  const request = status.data;
  const appealOpen = request.appealUntil !== null && Date.parse(request.appealUntil) > Date.now();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('status.heading', { reference })}</Title>
        <Group gap="xs" mt={4}>
          <Badge color="indigo.8">{t(`requestType.${request.requestType}`)}</Badge>
        </Group>
      </div>
      <Alert color="indigo" variant="light">
        <Text fw={600}>{t(`state.${request.state}`)}</Text>
      </Alert>
      {!request.emailConfirmed && <ConfirmEmail reference={reference} />}
      {request.decision && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('status.decisionHeading')}
          </Title>
          <Text>
            {t(`decision.${request.decision.outcome}`)} {request.decision.reason}
          </Text>
        </Paper>
      )}
      {appealOpen && <AppealForm reference={reference} token={token} />}
      {request.notice && request.state === 'NEEDS_INFO' && (
        <Alert color="orange" variant="light" title={t('status.notice')}>
          {request.notice.note}
        </Alert>
      )}
      <DeadlinesCard deadlines={request.deadlines} />
      <section aria-labelledby="documents-heading">
        <Title order={3} size="h4" id="documents-heading">
          {t('status.documents')}
        </Title>
        <Text size="sm" mb="sm">
          {t('status.checklistIntro')}
        </Text>
        <DocumentsChecklist request={request} token={token} />
      </section>
      <section aria-labelledby="history-heading">
        <Title order={3} size="h4" id="history-heading" mb="sm">
          {t('status.history')}
        </Title>
        <Timeline active={request.history.length - 1} bulletSize={14} lineWidth={2}>
          {request.history.map((change) => (
            <Timeline.Item key={`${change.state}-${change.at}`} title={t(`stateName.${change.state}`)}>
              <Text size="sm">{new Date(change.at).toLocaleString()}</Text>
              {change.note && <Text size="sm">{change.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
      {request.canWithdraw && <WithdrawButton reference={reference} token={token} />}
    </Stack>
  );
}
