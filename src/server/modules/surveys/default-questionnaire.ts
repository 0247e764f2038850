import type { Question } from '@shared/surveys/schemas';

/**
 * The questionnaire shipped with the CRM, used until a manager changes it: the overall score and
 * the recommendation (NPS) question, two yes/no questions about the handover, the add-on questions
 * (accessories, tyres, service package) that the seed asks the call to try, and room for the
 * customer's own words.
 */
export const DEFAULT_QUESTIONNAIRE: { name: string; lowScoreThreshold: number; questions: Question[] } = {
  name: 'Zufriedenheit nach der Fahrzeugübergabe',
  lowScoreThreshold: 6,
  questions: [
    {
      key: 'overall',
      kind: 'scale',
      role: 'overall',
      addOn: null,
      required: true,
      text: {
        de: 'Wie zufrieden sind Sie insgesamt mit uns und Ihrem Fahrzeug? (0 = gar nicht, 10 = voll und ganz)',
        en: 'Overall, how satisfied are you with us and your vehicle? (0 = not at all, 10 = completely)',
      },
    },
    {
      key: 'recommendation',
      kind: 'scale',
      role: 'recommendation',
      addOn: null,
      required: true,
      text: {
        de: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
        en: 'How likely is it that you would recommend us?',
      },
    },
    {
      key: 'handover_explained',
      kind: 'yes_no',
      role: null,
      addOn: null,
      required: false,
      text: {
        de: 'Wurden Ihnen bei der Übergabe alle Funktionen Ihres Fahrzeugs verständlich erklärt?',
        en: 'Were all the functions of your vehicle explained clearly at the handover?',
      },
    },
    {
      key: 'promises_kept',
      kind: 'yes_no',
      role: null,
      addOn: null,
      required: false,
      text: {
        de: 'Wurden alle Zusagen (Termin, Ausstattung, Preis) eingehalten?',
        en: 'Were all promises (date, equipment, price) kept?',
      },
    },
    {
      key: 'accessories',
      kind: 'yes_no',
      role: null,
      addOn: 'accessories',
      required: false,
      text: {
        de: 'Dürfen wir Ihnen ein Angebot für passendes Zubehör machen (z. B. Dachträger, Fußmatten)?',
        en: 'May we send you an offer for matching accessories (e.g. roof rack, floor mats)?',
      },
    },
    {
      key: 'tyres',
      kind: 'yes_no',
      role: null,
      addOn: 'tyres',
      required: false,
      text: {
        de: 'Interessieren Sie sich für Winter- oder Ganzjahresreifen für Ihr Fahrzeug?',
        en: 'Are you interested in winter or all-season tyres for your vehicle?',
      },
    },
    {
      key: 'service_package',
      kind: 'yes_no',
      role: null,
      addOn: 'service_package',
      required: false,
      text: {
        de: 'Möchten Sie mehr über unsere Service- und Wartungspakete erfahren?',
        en: 'Would you like to hear more about our service and maintenance packages?',
      },
    },
    {
      key: 'comment',
      kind: 'text',
      role: null,
      addOn: null,
      required: false,
      text: {
        de: 'Was können wir besser machen? Was hat Ihnen besonders gefallen?',
        en: 'What could we do better? What did you particularly like?',
      },
    },
  ],
};
