import { Button, Group, List, Paper, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client.js';
import type { CaseDetailView } from '../api/openapi.js';
import { textField } from '../common/form.js';

/** Internal notes: the family never sees them. */
export function NotesPanel({ item, name }: { item: CaseDetailView; name: (id: string | null) => string | null }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const addNote = useMutation({
    mutationFn: (body: string) =>
      unwrap(
        client.POST('/api/v1/cases/{reference}/notes', {
          params: { path: { reference: item.reference } },
          body: { body },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['case', item.reference] }),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('backoffice.notes')}
      </Title>
      {item.notes.length === 0 && <Text size="sm">{t('backoffice.noNotes')}</Text>}
      <List size="sm" spacing={4} mb="sm">
        {item.notes.map((note) => (
          <List.Item key={note.id}>
            <Text size="xs" span fw={500}>
              {new Date(note.createdAt).toLocaleString()} · {name(note.authorId)}
            </Text>
            <Text size="sm">{note.body}</Text>
          </List.Item>
        ))}
      </List>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          addNote.mutate(textField(new FormData(form), 'note'), { onSuccess: () => form.reset() });
        }}
      >
        <Group align="flex-end">
          <Textarea name="note" label={t('backoffice.note')} required autosize style={{ flex: 1 }} />
          <Button type="submit" variant="default" loading={addNote.isPending}>
            {t('backoffice.addNote')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
