import { useQuery } from '@tanstack/react-query';
import { staff, type StaffError, type StaffMember } from './staff-api.js';

export interface Me {
  id: string;
  email: string;
  role: 'reviewer' | 'legal' | 'admin';
}

/** Who is signed in; a 401 sends the page to the login. */
export function useMe() {
  return useQuery<Me, StaffError>({ queryKey: ['me'], queryFn: () => staff<Me>('/api/v1/auth/me'), staleTime: 60_000 });
}

/** Colleagues by id: who is assigned, who approved, who wrote a note. */
export function useColleagues() {
  const query = useQuery({
    queryKey: ['colleagues'],
    queryFn: () => staff<StaffMember[]>('/api/v1/users'),
    staleTime: 60_000,
  });
  const byId = new Map((query.data ?? []).map((member) => [member.id, member]));
  return { list: query.data ?? [], name: (id: string | null) => (id ? (byId.get(id)?.email ?? id) : null) };
}
