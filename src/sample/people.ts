/**
 * The sample's customers: names, handles, language and audience size.
 * Handles use only [a-z0-9_] so they are valid on every platform.
 */
import type { Random } from './random.js';
import type { Language } from './spec.js';

export interface Customer {
  handle: string;
  name: string;
  firstName: string;
  language: Language;
  followers: number;
  /** Brand the customer is a subscriber of (writes to it most). */
  brandId: string;
  city: string;
}

const FIRST_NAMES: Record<Language, readonly string[]> = {
  en: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Oliver', 'Mia', 'James', 'Grace', 'Harry', 'Chloe', 'Jack', 'Ella', 'Thomas', 'Lucy', 'Daniel', 'Sophie', 'Ryan', 'Hannah', 'Ben', 'Megan', 'Sam', 'Zoe', 'Adam', 'Ruth', 'Omar', 'Priya', 'Kevin'],
  es: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Álvaro', 'Carmen', 'Javier', 'Paula', 'Sergio', 'Elena', 'Diego', 'Marta', 'Raúl', 'Nuria', 'Iván', 'Irene', 'Jorge', 'Alba', 'Rubén', 'Inés', 'Adrián', 'Noelia', 'Óscar'],
  fr: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Jules', 'Manon', 'Lucas', 'Inès', 'Théo', 'Sarah', 'Nathan', 'Juliette', 'Mathis', 'Zoé', 'Antoine', 'Clément', 'Margaux', 'Élodie', 'Yanis'],
};

const LAST_NAMES: Record<Language, readonly string[]> = {
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Walker', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Patel', 'Khan', 'Murphy', 'Kelly', 'Reid'],
  es: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz', 'Díaz', 'Moreno', 'Muñoz', 'Romero', 'Navarro', 'Torres', 'Gil', 'Vidal', 'Castro', 'Ortega'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garnier', 'Faure'],
};

const CITIES: Record<Language, readonly string[]> = {
  en: ['Málaga', 'Alicante', 'Madrid', 'Barcelona', 'Marbella', 'Benidorm', 'Valencia', 'Palma'],
  es: ['Madrid', 'Sevilla', 'Valencia', 'Zaragoza', 'Bilbao', 'Murcia', 'Valladolid', 'Cádiz', 'Granada', 'Vigo', 'Salamanca', 'Toledo'],
  fr: ['Barcelona', 'Girona', 'Perpignan', 'Madrid', 'Andorra', 'Bayonne', 'Valencia'],
};

/** Letters only, for handles: "Álvaro" -> "alvaro". */
function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function makeHandle(random: Random, first: string, last: string, taken: Set<string>): string {
  const f = asciiLower(first);
  const l = asciiLower(last);
  const shapes = [
    () => `${f}_${l}`,
    () => `${f}${l.slice(0, 1)}${random.int(70, 99)}`,
    () => `${f.slice(0, 1)}${l}`,
    () => `${f}${random.int(1, 9999)}`,
    () => `${l}_${f.slice(0, 3)}`,
    () => `the_${f}_${random.int(10, 99)}`,
  ];
  for (let attempt = 0; ; attempt++) {
    const base = random.pick(shapes)();
    const handle = attempt < 5 ? base : `${base}${attempt}`;
    if (!taken.has(handle)) {
      taken.add(handle);
      return handle;
    }
  }
}

/** `perBrand` customers for each brand id, languages mostly English, then Spanish and French. */
export function makeCustomers(random: Random, brandIds: readonly string[], perBrand: number): Customer[] {
  const taken = new Set<string>();
  const customers: Customer[] = [];
  for (const brandId of brandIds) {
    for (let i = 0; i < perBrand; i++) {
      const language: Language = (['en', 'es', 'fr'] as const)[random.weightedIndex([0.6, 0.28, 0.12])] ?? 'en';
      const firstName = random.pick(FIRST_NAMES[language]);
      const last = random.pick(LAST_NAMES[language]);
      const influencer = random.chance(0.015);
      const followers = influencer ? Math.round(random.logNormal(60_000, 0.9)) + 5_000 : Math.round(random.logNormal(180, 1.2));
      customers.push({
        handle: makeHandle(random, firstName, last, taken),
        name: random.chance(0.8) ? `${firstName} ${last}` : firstName,
        firstName,
        language,
        followers,
        brandId,
        city: random.pick(CITIES[language]),
      });
    }
  }
  return customers;
}
