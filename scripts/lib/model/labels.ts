/**
 * The words the outputs print of their own, not taken from the report: the
 * default section headings and document label, the PDF's page numbers,
 * "continued" lines and cover credit, the contact block's labels, the deck's
 * closing slide, the web edition's and the e-mail's few words. They follow
 * the report's language (`report.language`, else the brand's
 * `defaults.briefpress.language`), as the dates do; a language not in the
 * table gets English. A report's own `headings` and
 * `report.label` still win over these.
 *
 * Templates hold `{name}`-style slots, filled by `fillLabel`, so each
 * language can put the words in its own order.
 */
export interface Labels {
  /** Default section headings. */
  headings: {
    framework: string;
    discussion: string;
    moderators: string;
    recommendations: string;
    summary: string;
    conclusion: string;
    thanks: string;
    contact: string;
  };
  /** The default highlights heading, with `{kind}` (the event's kind). */
  highlights: string;
  /** The default document label (report.label). */
  documentLabel: string;
  /** The line heading each later page a speaker's points run onto: `{name}`. */
  continued: string;
  /** The running footer's page number: `{page}`, `{pages}`. */
  page: string;
  /** Over the cover's credit line (printed in capitals). */
  preparedBy: string;
  /** A photo's alternate text: `{name}`. */
  photoOf: string;
  /** A highlight image without a caption: `{number}`, `{count}`. */
  eventImage: string;
  /** The contact block's labels. */
  contact: { phone: string; email: string; website: string; address: string };
  /** The deck's closing slide. */
  thankYou: string;
  /** The web edition's own words; `download` has `{file}` (the first offered file's label). */
  web: {
    skipLink: string;
    contents: string;
    speaker: string;
    speakers: string;
    download: string;
    brief: string;
    deck: string;
  };
  /** The e-mail's own words. */
  email: { readOnline: string; readOnlineNote: string; attached: string; brief: string; deck: string };
}

const en: Labels = {
  headings: {
    framework: 'Conceptual Framework',
    discussion: 'Discussion Points',
    moderators: 'Moderators',
    recommendations: 'Policy Recommendations',
    summary: 'Executive Summary',
    conclusion: 'Conclusion',
    thanks: 'Thanking Remarks',
    contact: 'Contact',
  },
  highlights: '{kind} Highlights',
  documentLabel: 'Brief Report',
  continued: '{name} (continued)',
  page: 'Page {page} of {pages}',
  preparedBy: 'Prepared by',
  photoOf: 'Photo of {name}',
  eventImage: 'Event image {number} of {count}',
  contact: { phone: 'Phone', email: 'E-mail', website: 'Web', address: 'Address' },
  thankYou: 'Thank you',
  web: {
    skipLink: 'Skip to the brief',
    contents: 'Contents',
    speaker: 'Speaker',
    speakers: 'Speakers',
    download: 'Download {file}',
    brief: 'the brief',
    deck: 'the deck',
  },
  email: {
    readOnline: 'Read online',
    readOnlineNote: 'the brief as a web page',
    attached: 'Attached',
    brief: 'the full brief',
    deck: 'the slide deck',
  },
};

const de: Labels = {
  headings: {
    framework: 'Konzeptioneller Rahmen',
    discussion: 'Diskussionspunkte',
    moderators: 'Moderation',
    recommendations: 'Politische Empfehlungen',
    summary: 'Zusammenfassung',
    conclusion: 'Fazit',
    thanks: 'Dankesworte',
    contact: 'Kontakt',
  },
  highlights: 'Eindrücke: {kind}',
  documentLabel: 'Kurzbericht',
  continued: '{name} (Fortsetzung)',
  page: 'Seite {page} von {pages}',
  preparedBy: 'Erstellt von',
  photoOf: 'Foto von {name}',
  eventImage: 'Bild {number} von {count} der Veranstaltung',
  contact: { phone: 'Telefon', email: 'E-Mail', website: 'Web', address: 'Anschrift' },
  thankYou: 'Vielen Dank',
  web: {
    skipLink: 'Zum Bericht springen',
    contents: 'Inhalt',
    speaker: 'Beitrag',
    speakers: 'Beiträge',
    download: '{file} herunterladen',
    brief: 'Kurzbericht',
    deck: 'Präsentation',
  },
  email: {
    readOnline: 'Online lesen',
    readOnlineNote: 'der Bericht als Webseite',
    attached: 'Im Anhang',
    brief: 'der vollständige Bericht',
    deck: 'die Präsentation',
  },
};

const fr: Labels = {
  headings: {
    framework: 'Cadre conceptuel',
    discussion: 'Points de discussion',
    moderators: 'Modération',
    recommendations: 'Recommandations',
    summary: 'Synthèse',
    conclusion: 'Conclusion',
    thanks: 'Remerciements',
    contact: 'Contact',
  },
  highlights: '{kind} : temps forts',
  documentLabel: 'Note de synthèse',
  continued: '{name} (suite)',
  page: 'Page {page} sur {pages}',
  preparedBy: 'Préparé par',
  photoOf: 'Photo de {name}',
  eventImage: 'Image {number} sur {count} de l’événement',
  contact: { phone: 'Téléphone', email: 'Courriel', website: 'Site web', address: 'Adresse' },
  thankYou: 'Merci',
  web: {
    skipLink: 'Aller au texte',
    contents: 'Sommaire',
    speaker: 'Intervention',
    speakers: 'Interventions',
    download: 'Télécharger {file}',
    brief: 'la note',
    deck: 'la présentation',
  },
  email: {
    readOnline: 'Lire en ligne',
    readOnlineNote: 'la note sous forme de page web',
    attached: 'Pièces jointes',
    brief: 'la note complète',
    deck: 'la présentation',
  },
};

/** By primary language subtag (BCP 47): `de-AT` and `de-CH` take `de`. */
export const LABELS: Readonly<Record<string, Labels>> = { en, de, fr };

/** The labels for a report's language: its primary subtag's, else English. */
export function labelsFor(language: string): Labels {
  return LABELS[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** A label template with its `{slots}` filled: `fillLabel('Page {page} of {pages}', { page: 2, pages: 7 })`. */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));
}
