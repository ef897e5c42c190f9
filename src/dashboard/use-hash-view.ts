import { useEffect, useState } from 'preact/hooks';

export const DASHBOARD_VIEWS = [
  { id: 'contacts', label: 'Contacts' },
  { id: 'review', label: 'Weekly review' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'transfer', label: 'Export & import' },
] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number]['id'];

function viewOfHash(hash: string): DashboardView {
  const id = hash.replace(/^#/, '');
  return DASHBOARD_VIEWS.find((view) => view.id === id)?.id ?? 'contacts';
}

/** The dashboard's view, kept in the address (`dashboard.html#metrics`) so reload and back work. */
export function useHashView(): DashboardView {
  const [view, setView] = useState(() => viewOfHash(location.hash));
  useEffect(() => {
    const onChange = () => setView(viewOfHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
