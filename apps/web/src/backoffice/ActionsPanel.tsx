import { Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REJECTION_REASON_CODES, type ReviewerAction } from '@vocabulary';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { ActionOptionView, CaseActionDto, CaseDetailView, MeView, StaffMemberView } from '../api/openapi.js';
import { textField } from '../common/form.js';

type ActionInput = Omit<CaseActionDto, 'version'> & { action: ReviewerAction };

/**
 * Only what the server offers this user in this state (`actions`), each with the words it needs;
 * an action a rule holds back (the second approval, an unsatisfied checklist) is shown disabled,
 * with the rule, so the four-eyes step is visible. One this user may take only by overriding a rule
 * asks for the reason, which the audit trail keeps.
 */
export function ActionsPanel({
  item,
  me,
  colleagues,
}: {
  item: CaseDetailView;
  me: MeView;
  colleagues: StaffMemberView[];
}) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const act = useMutation({
    mutationFn: ({ action, ...body }: ActionInput) =>
      unwrap(
        client.POST('/api/v1/cases/{reference}/actions/{action}', {
          params: { path: { reference: item.reference, action } },
          body: { version: item.version, ...body },
        }),
      ),
    // The answer is the case as it now stands; only the audit trail needs reading again.
    onSuccess: (updated) => {
      queries.setQueryData(['case', item.reference], updated);
      return queries.invalidateQueries({ queryKey: ['case', item.reference, 'audit'] });
    },
  });
  const submit = (option: ActionOptionView) => (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string) => textField(form, name).trim() || undefined;
    act.mutate({
      action: option.action,
      reasonCode: REJECTION_REASON_CODES.find((code) => code === optional('reasonCode')),
      note: optional('note'),
      assigneeId: optional('assigneeId'),
      override: option.needsOverride || undefined,
    });
  };
  const fields = (option: ActionOptionView) => {
    if (option.needsOverride) return <Textarea name="note" label={t('backoffice.overrideReason')} required autosize />;
    switch (option.action) {
      case 'assign':
        return (
          <NativeSelect
            name="assigneeId"
            label={t('backoffice.assignee')}
            defaultValue={me.id}
            data={colleagues
              .filter((member) => member.active && member.role !== 'admin')
              .map((member) => ({ value: member.id, label: member.email }))}
          />
        );
      case 'request-info':
        return <Textarea name="note" label={t('backoffice.infoNote')} required autosize />;
      case 'approve':
        return <Textarea name="note" label={t('backoffice.approveNote')} autosize disabled={!option.allowed} />;
      case 'reject':
        return (
          <>
            <NativeSelect
              name="reasonCode"
              label={t('backoffice.reasonCode')}
              data={REJECTION_REASON_CODES.map((code) => ({ value: code, label: t(`backoffice.reasonCodes.${code}`) }))}
            />
            <Textarea name="note" label={t('backoffice.reason')} required autosize />
          </>
        );
      case 'start-review':
      case 'fulfil':
      case 'close':
      case 'reopen-on-appeal':
        return null;
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-heading">
      <Title order={3} size="h4" mb="sm" id="actions-heading">
        {t('backoffice.actions')}
      </Title>
      {item.actions.length === 0 && <Text size="sm">{t('backoffice.noActions')}</Text>}
      <Stack gap="md">
        {item.actions.map((option) => (
          <form key={option.action} onSubmit={submit(option)}>
            <Stack gap="xs">
              {option.needsOverride && option.refusal && <Text size="sm">{option.refusal}</Text>}
              {fields(option)}
              <Button
                type="submit"
                disabled={!option.allowed || act.isPending}
                color={option.action === 'reject' ? 'red.9' : undefined}
                variant={option.action === 'assign' ? 'default' : 'filled'}
              >
                {t(`backoffice.action.${option.action}`)}
              </Button>
              {option.refusal && !option.needsOverride && <Text size="sm">{option.refusal}</Text>}
            </Stack>
          </form>
        ))}
      </Stack>
      {act.error && (
        <Text c="red.9" role="alert" mt="sm">
          {act.error.message}
        </Text>
      )}
    </Paper>
  );
}
