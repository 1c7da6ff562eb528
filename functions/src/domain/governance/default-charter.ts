import type { Language } from '../practice'
import type { CharterBody } from './committee'

/**
 * The charter a practice reads before its committee writes one: a starting point in the practice's
 * language, always answered as a default (`isDefault: true`) so no one mistakes it for a decision.
 * Its criteria follow the seed's brief (how patient input and design ideas are used) and RCA²'s
 * habits (a review within 72 hours, stronger fixes first, outcomes measured before closing).
 */
const criteria: Record<Language, string> = {
  en: [
    'How we use what patients tell us and the ideas from our experience-design workshops:',
    '',
    '1. Every failed patient experience reported in a survey, a review or a workshop can become a case. A case is opened when the patient was harmed, inconvenienced or left confused, or when the same complaint comes up three times in a month.',
    '2. A review of each case starts within 72 hours of opening it.',
    "3. We look for root causes in the system (process, policy, place, technology, communication), not for someone to blame. Patients' words are evidence; we quote them only without names, contact details or dates.",
    '4. We prefer stronger fixes (changes to the place, forcing functions, standardisation, simpler processes) to weaker ones (training, memos, warnings). A case with only weaker fixes needs a reason written in its minutes.',
    '5. Every fix has an owner and a date it takes effect. We close a case only when its outcome is known: improved, no change or worse, read from the numbers, not from how we feel.',
    '6. Design ideas from workshops are tried when they address a cause we found, are small enough to undo, and have an owner.',
    '7. We report what we decided and why to the whole team at the next staff meeting.',
  ].join('\n'),
  es: [
    'Cómo usamos lo que nos dicen los pacientes y las ideas de nuestros talleres de diseño de la experiencia:',
    '',
    '1. Toda experiencia fallida de un paciente, contada en una encuesta, una reseña o un taller, puede convertirse en un caso. Se abre un caso cuando el paciente sufrió un daño, una molestia o quedó confundido, o cuando la misma queja aparece tres veces en un mes.',
    '2. La revisión de cada caso empieza en las 72 horas siguientes a su apertura.',
    '3. Buscamos las causas de fondo en el sistema (procesos, normas, lugar, tecnología, comunicación), no a un culpable. Las palabras de los pacientes son evidencia; las citamos solo sin nombres, datos de contacto ni fechas.',
    '4. Preferimos las soluciones más fuertes (cambios en el lugar, funciones que obligan, estandarización, procesos más simples) a las más débiles (formación, circulares, avisos). Un caso con solo soluciones débiles necesita un motivo escrito en el acta.',
    '5. Cada solución tiene un responsable y una fecha en que entra en vigor. Cerramos un caso solo cuando se conoce su resultado: mejoró, sin cambios o empeoró, según los números y no según lo que sentimos.',
    '6. Las ideas de diseño de los talleres se prueban cuando atacan una causa encontrada, son lo bastante pequeñas para deshacerlas y tienen un responsable.',
    '7. Contamos lo que decidimos y por qué a todo el equipo en la siguiente reunión de personal.',
  ].join('\n'),
}

const cadence: Record<Language, string> = {
  en: 'Monthly, 45 minutes; within 72 hours of a high-severity case',
  es: 'Mensual, 45 minutos; en las 72 horas siguientes a un caso de gravedad alta',
}

/**
 * The default charter in one language.
 *
 * @example
 * defaultCharter('es').criteria.startsWith('Cómo usamos') // true
 */
export function defaultCharter(language: Language): CharterBody {
  return { criteria: criteria[language], guests: [], cadence: cadence[language] }
}
