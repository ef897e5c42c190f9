import { SETTINGS_SECTIONS } from './sections';

export function App() {
  return (
    <main class="settings">
      <header>
        <h1>Margin settings</h1>
        <p class="quiet">Stored in this browser with the rest of your Margin data.</p>
      </header>
      {SETTINGS_SECTIONS.length > 1 && (
        <nav aria-label="Settings sections">
          <ul>
            {SETTINGS_SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {SETTINGS_SECTIONS.length === 0 && <p>Nothing to set yet.</p>}
      {SETTINGS_SECTIONS.map(({ id, title, component: Section }) => (
        <section key={id} id={id} aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{title}</h2>
          <Section />
        </section>
      ))}
    </main>
  );
}
