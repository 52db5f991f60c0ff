import { useQuery } from '@tanstack/react-query';
import { type ApiError, client, unwrap } from '../api/client.js';
import type { MeView } from '../api/openapi.js';

/** Who is signed in; a 401 sends the page to the login. */
export function useMe() {
  return useQuery<MeView, ApiError>({
    queryKey: ['me'],
    queryFn: () => unwrap(client.GET('/api/v1/auth/me')),
    staleTime: 60_000,
  });
}

/** Colleagues by id: who is assigned, who approved, who wrote a note. */
export function useColleagues() {
  const query = useQuery({
    queryKey: ['colleagues'],
    queryFn: () => unwrap(client.GET('/api/v1/users')),
    staleTime: 60_000,
  });
  const byId = new Map((query.data ?? []).map((member) => [member.id, member]));
  return { list: query.data ?? [], name: (id: string | null) => (id ? (byId.get(id)?.email ?? id) : null) };
}
