/**
 * Opens a document, keeps a draft as a create dialog does, says "kept" and waits to be killed (see drafts.test.ts).
 * Arguments: the document, the draft's name.
 */
import { NetworkDocument } from '../../electron/core/document';

const [file, name] = process.argv.slice(2);
const doc = await NetworkDocument.open(file);
doc.putDraft({ key: 'actor', label: name, value: { name, notes: 'Getypt net voor het programma werd gestopt.' } });
process.stdout.write('kept\n');
setInterval(() => {}, 1000);
