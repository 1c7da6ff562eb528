import type { Language, Role } from '../domain/practice'

/**
 * The demo practice's people as patients know them: the four clinicians (made in generate.ts)
 * and the staff who work beside them, each with the aliases they set and the ways patients
 * write them ("Dr. C", "Rosita", "Tasha in billing"). Kevin asked not to be featured: patients
 * still praise him by name, and the customer-experience moment leaves those stories out.
 * Invented for the demo; the names belong to no real person.
 */

/** What a person does, so a story about a bill names billing and one about a biopsy a clinician. */
export type Job = 'clinician' | 'front-desk' | 'assistant' | 'billing'

export interface DemoPerson {
  /** Stable across seeds and ids, so stories and moments can name a person before ids exist. */
  key: string
  name: string
  job: Job
  aliases: string[]
  featureOptOut: boolean
  /** How patients write this person in a comment, in each language. */
  called: Record<Language, readonly string[]>
}

export interface DemoStaffer extends DemoPerson {
  role: Exclude<Role, 'owner'>
}

/** The clinicians' aliases and how patients name them; generate.ts gives them ids and clinics. */
export const demoClinicians: readonly DemoPerson[] = [
  {
    key: 'castillo',
    name: 'Dr. Maya Castillo',
    job: 'clinician',
    aliases: ['Dr. C'],
    featureOptOut: false,
    called: {
      en: ['Dr. Castillo', 'Dr. C', 'Dr. Maya Castillo'],
      es: ['la Dra. Castillo', 'la doctora Castillo'],
    },
  },
  {
    key: 'park',
    name: 'Dr. Owen Park',
    job: 'clinician',
    aliases: ['Dr. Owen'],
    featureOptOut: false,
    called: { en: ['Dr. Park', 'Dr. Owen', 'Owen Park'], es: ['el Dr. Park', 'el doctor Park'] },
  },
  {
    key: 'nair',
    name: 'Priya Nair',
    job: 'clinician',
    aliases: ['Priya the PA'],
    featureOptOut: false,
    called: { en: ['Priya', 'Priya the PA', 'Ms. Nair'], es: ['Priya', 'la Srta. Nair'] },
  },
  {
    key: 'romero',
    name: 'Luis Romero',
    job: 'clinician',
    aliases: ['Nurse Luis', 'Luisito'],
    featureOptOut: false,
    called: { en: ['Luis', 'Nurse Luis', 'Luis Romero'], es: ['Luisito', 'Luis'] },
  },
]

/** Staff accounts besides the owner (Alex Rivera), who sign in with the owner's demo password. */
export const demoStaff: readonly DemoStaffer[] = [
  {
    key: 'rosa',
    name: 'Rosa Delgado',
    job: 'front-desk',
    role: 'staff',
    aliases: ['Rosa at the front desk', 'Rosita'],
    featureOptOut: false,
    // "Rosa" alone is also a word ("pink"): patients who write just that are not counted.
    called: {
      en: ['Rosa at the front desk', 'Rosa Delgado', 'Ms. Delgado'],
      es: ['Rosita', 'la Sra. Delgado'],
    },
  },
  {
    key: 'ben',
    name: 'Ben Carter',
    job: 'assistant',
    // Sits on the governance committee (demo/committee.ts): its members are the committee role.
    role: 'committee',
    aliases: ['Ben the MA'],
    featureOptOut: false,
    called: { en: ['Ben', 'Ben the MA', 'Ben Carter'], es: ['Ben'] },
  },
  {
    key: 'tasha',
    name: 'Tasha Green',
    job: 'billing',
    role: 'staff',
    aliases: ['Tasha in billing'],
    featureOptOut: false,
    called: { en: ['Tasha in billing', 'Tasha', 'Ms. Green'], es: ['Tasha'] },
  },
  {
    key: 'nadia',
    name: 'Nadia Brooks',
    job: 'front-desk',
    role: 'manager',
    aliases: [],
    featureOptOut: false,
    called: { en: ['Nadia', 'Nadia Brooks'], es: ['Nadia'] },
  },
  {
    key: 'kevin',
    name: 'Kevin Moore',
    job: 'assistant',
    role: 'staff',
    aliases: ['Kev'],
    featureOptOut: true,
    called: { en: ['Kevin', 'Kev'], es: ['Kevin'] },
  },
]

/** Everyone a demo patient can name. */
export const demoPeople: readonly DemoPerson[] = [...demoClinicians, ...demoStaff]

/** A clinician's aliases, by the name generate.ts gives them. */
export function aliasesOf(name: string): string[] {
  return [...(demoClinicians.find((person) => person.name === name)?.aliases ?? [])]
}
