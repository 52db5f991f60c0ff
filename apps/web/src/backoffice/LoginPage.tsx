import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textField } from '../api.js';
import { staff } from './staff-api.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      staff<{ csrfToken: string }>('/api/v1/auth/login', { method: 'POST', body: credentials }),
    onSuccess: ({ csrfToken }) => {
      sessionStorage.setItem('nok.csrf', csrfToken);
      void navigate('/backoffice');
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        login.mutate({ email: textField(form, 'email'), password: textField(form, 'password') });
      }}
    >
      <h2>{t('backoffice.login')}</h2>
      <label>
        {t('backoffice.email')} <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('backoffice.password')} <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {login.error && <p role="alert">{login.error.message}</p>}
      <button type="submit">{t('backoffice.signIn')}</button>
    </form>
  );
}
