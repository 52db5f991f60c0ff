import { Anchor, Box, Container, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LANGUAGES } from './i18n.js';

export function Layout() {
  const { t, i18n } = useTranslation();
  const inBackOffice = useLocation().pathname.startsWith('/backoffice');
  return (
    <>
      <Box component="header" py="sm" mb="lg" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={inBackOffice ? 'xl' : 'md'}>
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Title order={1} size="h3">
                <Anchor component={Link} to={inBackOffice ? '/backoffice' : '/'} underline="never" c="inherit">
                  {t('app.title')}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">
                {inBackOffice ? t('app.backoffice') : t('app.tagline')}
              </Text>
            </div>
            <NativeSelect
              label={t('language')}
              size="xs"
              value={i18n.language}
              onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
              data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
            />
          </Group>
        </Container>
      </Box>
      <Container component="main" size={inBackOffice ? 'xl' : 'md'} pb="xl">
        <Outlet />
      </Container>
    </>
  );
}
