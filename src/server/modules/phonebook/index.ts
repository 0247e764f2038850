// The public face of phonebook: the generated phonebooks for desk phones and the PBX.
export { createPhonebookService, type PhonebookService } from './service';
