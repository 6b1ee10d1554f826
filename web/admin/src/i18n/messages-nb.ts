import type { Catalogue } from './messages-en.ts';

// Norwegian (bokmål) UI text. Same keys as messages-en.ts.
export const nb: Catalogue = {
  'language.en': 'English',
  'language.nb': 'Norsk (bokmål)',
  'settings.profile.tab': 'Din profil',
  'settings.profile.title': 'Din profil',
  'settings.profile.description':
    'Bare for deg: språket i administrasjonen, og dermed hvordan datoer og tall skrives. Andre ansatte beholder sitt.',
  'settings.profile.language': 'Språk',
  'settings.profile.saved': 'Språket er lagret',
  'settings.profile.saveFailed': 'Kunne ikke lagre språket',
};
