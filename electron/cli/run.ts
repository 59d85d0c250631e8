import fs from 'node:fs';
import { CoreError, toCoreError } from '../core/errors';
import { NetworkDocument, DOCUMENT_EXTENSION } from '../core/document';
import { writeVoorbeeldstad } from '../core/demo/write';
import { needsAction, runChecks, type Finding } from '../../shared/checks';
import { PRESETS, type PresetName } from '../../shared/report/options';
import { buildReport } from '../core/report/export';
import { printPdf } from '../core/report/pdf';
import { writeFileAtomic } from '../core/report/atomic';
import { mergeVocab } from '../../shared/vocab';
import { onePath, parse, UsageError, type CliIo } from './args';
import { exportExchange, importCommand, templateCommand } from './exchange';

export type { CliIo };

const USAGE = `Gebruik: regiekaart <opdracht> [opties]

Opdrachten:
  demo <bestand${DOCUMENT_EXTENSION}> [--force]   schrijf het voorbeelddocument Voorbeeldstad
  info <bestand${DOCUMENT_EXTENSION}> [--json]    toon tellingen (actoren, afspraken, diensten, lacunes…) en de schemaversie
  check <bestand${DOCUMENT_EXTENSION}> [--json] [--fail-on high|medium|low]
                                        rolconflicten (RC1–RC12) en lacunes (G1–G14); met --fail-on is de
                                        exitcode 3 als er een bevinding van minstens die ernst is
  export <bestand${DOCUMENT_EXTENSION}> --pdf <uit.pdf> [--preset overzicht|zorgraad] [--view <naam>]
         [--landscape] [--lang nl|en] [--since JJJJ-MM-DD] [--days N] [--title <titel>] [--period <periode>]
         [--html <uit.html>]              netwerkoverzicht als PDF (A4), gedrukt door Chromium/Chrome/Edge
                                        (REGIEKAART_CHROMIUM kiest de browser); --html bewaart ook de HTML
  export <bestand${DOCUMENT_EXTENSION}> --json <uit.json>
                                        het hele document als JSON (formaat: resources/regiekaart-document.schema.json)
  export <bestand${DOCUMENT_EXTENSION}> --csv <uit.csv> [--kind actors|services|agreements] | --xlsx <uit.xlsx>
                                        actoren, diensten of afspraken voor een rekenblad (xlsx: alle drie)
  export <bestand${DOCUMENT_EXTENSION}> --graphml <uit.graphml> | --gexf <uit.gexf>
                                        de kaart voor yEd, Gephi of Cytoscape (actoren, afspraken, posities)
  import <bestand${DOCUMENT_EXTENSION}> <invoer> [--format json|csv|xlsx|graphml|gexf|socialekaart|kumu|regiekaart] [--kind actors|services|agreements]
         [--header-row N] [--groups partnerships|actors|ignore] [--column "Kolom=veld" …] [--value "Kolom:waarde=woord" …]
         [--new-parties] [--skip-problems] [--dry-run]
                                        importeer in het document (een nieuw als het nog niet bestaat); bestaande
                                        actoren worden bijgewerkt (KBO, Sociale Kaart-id, naam); een mislukte
                                        import schrijft niets en geeft exitcode 1; de kopregel van een rekenblad
                                        wordt gezocht in de eerste 10 rijen, of is rij N; een groep in yEd of
                                        Gephi wordt een samenwerkingsverband met de knopen erin als leden, met
                                        --groups actors een actor, met --groups ignore niets; --column leest
                                        een kolom als een ander veld, als eigen veld of niet ("negeren");
                                        --new-parties maakt van partijen die nergens staan nieuwe actoren
  import <bestand${DOCUMENT_EXTENSION}> <invoer.csv|xlsx> <invoer.csv|xlsx> … [dezelfde opties]
                                        rekenbladen samen als één import (bv. de knopen- en de
                                        verbindingentabel van Gephi): één controle, één stap ongedaan te maken
  import <bestand${DOCUMENT_EXTENSION}> <buur.json|buur${DOCUMENT_EXTENSION}> --merge [--source <naam>] [--view <naam> | --no-view]
         [--match <hun-id>=<ons-id>|nieuw,…] [--take-theirs] [--dry-run]
                                        voeg de kaart van een buurgemeente samen met deze: actoren gekoppeld
                                        (KBO, Sociale Kaart-id, naam), verschillen getoond (onze waarde blijft,
                                        tenzij --take-theirs), herkomst per actor, een weergave met beide kaarten
  template <uit.xlsx>                   het importsjabloon (Actoren, Diensten, Afspraken, Uitleg)
  help                                  toon deze hulp
`;

/** Exit codes: 0 ok, 1 the command failed, 2 the command line itself is wrong. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return await demo(rest, io);
      case 'info':
        return await info(rest, io);
      case 'check':
        return await check(rest, io);
      case 'export':
        return await exportReport(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        io.err(`Onbekende opdracht "${command}".`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`Fout: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`Fout: ${toCoreError(err).message}\n`);
    return 1;
  }
}

async function demo(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  const file = onePath(positionals, 'doelbestand');
  if (fs.existsSync(file)) {
    if (!values.force) throw new CoreError('EXISTS', `${file} bestaat al. Gebruik --force om het te overschrijven.`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  }
  const counts = await writeVoorbeeldstad(file);
  io.out(`Voorbeelddocument geschreven naar ${file}: ${counts.actors} actoren, ${counts.agreements} afspraken, ${counts.gaps} lacunes.\n`);
  return 0;
}

async function info(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = onePath(positionals, 'bestand');
  const doc = await NetworkDocument.open(file);
  try {
    const i = doc.info();
    if (values.json) {
      io.out(`${JSON.stringify({ file: i.path, schemaVersion: i.schemaVersion, readOnly: i.readOnly, title: i.meta.title, municipality: i.meta.municipality, counts: i.counts }, null, 2)}\n`);
    } else {
      const c = i.counts;
      io.out(
        [
          `${i.meta.title} (${i.fileName})`,
          `Gemeente:           ${i.meta.municipality ?? '–'}`,
          `Schemaversie:       ${i.schemaVersion}${i.readOnly ? ' (alleen-lezen)' : ''}`,
          `Actoren:            ${c.actors}`,
          `Afspraken:          ${c.agreements}`,
          `Diensten:           ${c.services}`,
          `Samenwerkingen:     ${c.partnerships} (${c.members} leden)`,
          `Org.-eenheden:      ${c.orgUnits}`,
          `Functies:           ${c.functions}`,
          `Roltoewijzingen:    ${c.roles}`,
          `Beheersmodellen:    ${c.governanceModels}`,
          `Geregistreerde lacunes: ${c.gaps}`,
          `Gebieden:           ${c.areas}`,
          `Wijzigingen (log):  ${c.changes}`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    doc.close();
  }
  return 0;
}

const SEVERITIES = ['high', 'medium', 'low'] as const;
const SEVERITY_NL: Record<Finding['severity'], string> = { HIGH: 'hoog', MEDIUM: 'middel', LOW: 'laag' };

/**
 * `check`: every finding with its rule, severity, title and the ids and names of the actors and agreements involved.
 * The JSON form is documented in the README ("Checks").
 */
async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'fail-on': { type: 'string' } });
  const file = onePath(positionals, 'bestand');
  const failOn = (values['fail-on'] as string | undefined)?.toLowerCase();
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on verwacht high, medium of low, niet "${values['fail-on']}".`);
  }
  const doc = await NetworkDocument.open(file);
  let findings: Finding[];
  let data;
  try {
    data = doc.snapshot();
    findings = runChecks(data, mergeVocab(doc.vocab()));
  } finally {
    doc.close();
  }
  const actorName = new Map(data.actors.map((a) => [a.id, a.name]));
  const agreementTitle = new Map(data.agreements.map((a) => [a.id, a.title]));
  const STATUS_NL = { OPEN: 'open', MITIGATED: 'gemilderd', REOPENED: 'heropend' } as const;
  if (values.json) {
    io.out(
      `${JSON.stringify(
        {
          file,
          referenceDate: data.meta.referenceDate,
          count: findings.length,
          findings: findings.map((f) => ({
            key: f.key,
            ruleId: f.ruleId,
            severity: f.severity,
            status: f.status.toLowerCase(),
            title: f.title,
            explanation: f.explanation,
            mitigation: f.mitigation,
            actors: f.actorIds.map((id) => ({ id, name: actorName.get(id) ?? id })),
            agreements: f.agreementIds.map((id) => ({ id, title: agreementTitle.get(id) ?? id })),
            evidence: f.evidence,
            mitigations: f.mitigationIds,
            gaps: f.gapIds,
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const lines = [`${findings.length} bevinding${findings.length === 1 ? '' : 'en'} in ${file}`, ''];
    for (const f of findings) {
      lines.push(`${f.ruleId.padEnd(4)} ${SEVERITY_NL[f.severity].padEnd(6)} ${STATUS_NL[f.status].padEnd(9)} ${f.title}`);
      if (f.mitigationIds.length) lines.push(`     maatregelen: ${f.mitigationIds.join(', ')}`);
      if (f.actorIds.length) lines.push(`     actoren:   ${f.actorIds.map((id) => `${id} ${actorName.get(id) ?? ''}`.trim()).join('; ')}`);
      if (f.agreementIds.length) lines.push(`     afspraken: ${f.agreementIds.map((id) => `${id} ${agreementTitle.get(id) ?? ''}`.trim()).join('; ')}`);
    }
    io.out(`${lines.join('\n')}\n`);
  }
  if (failOn) {
    const worst = SEVERITIES.indexOf(failOn as (typeof SEVERITIES)[number]);
    // Only what still needs action fails a run: a mitigated finding is answered.
    if (findings.some((f) => needsAction(f) && SEVERITIES.indexOf(f.severity.toLowerCase() as (typeof SEVERITIES)[number]) <= worst)) return 3;
  }
  return 0;
}

/** `export`: a report (a preset, or the full overview) of a document as an A4 PDF, written atomically. */
async function exportReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    pdf: { type: 'string' },
    html: { type: 'string' },
    json: { type: 'string' },
    csv: { type: 'string' },
    xlsx: { type: 'string' },
    graphml: { type: 'string' },
    gexf: { type: 'string' },
    kind: { type: 'string' },
    preset: { type: 'string' },
    view: { type: 'string' },
    landscape: { type: 'boolean' },
    lang: { type: 'string' },
    since: { type: 'string' },
    days: { type: 'string' },
    title: { type: 'string' },
    period: { type: 'string' },
  });
  const file = onePath(positionals, 'bestand');
  const pdf = values.pdf as string | undefined;
  const htmlOut = values.html as string | undefined;
  const exchange = {
    json: values.json as string | undefined,
    csv: values.csv as string | undefined,
    xlsx: values.xlsx as string | undefined,
    graphml: values.graphml as string | undefined,
    gexf: values.gexf as string | undefined,
    kind: values.kind as string | undefined,
  };
  const exchanging = !!(exchange.json || exchange.csv || exchange.xlsx || exchange.graphml || exchange.gexf);
  if (exchanging) await exportExchange(file, exchange, io);
  if (!pdf && !htmlOut) {
    if (exchanging) return 0;
    throw new UsageError('Geef met --pdf, --json, --csv, --xlsx, --graphml of --gexf aan waar de export moet komen.');
  }
  const preset = (values.preset as string | undefined) ?? 'overzicht';
  if (!(preset in PRESETS)) throw new UsageError(`--preset verwacht ${Object.keys(PRESETS).join(' of ')}, niet "${preset}".`);
  const lang = (values.lang as string | undefined) ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang verwacht nl of en, niet "${lang}".`);
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && !Number.isInteger(days)) throw new UsageError(`--days verwacht een aantal dagen, niet "${values.days}".`);
  const doc = await NetworkDocument.open(file);
  let html: string;
  let orientation: 'portrait' | 'landscape';
  try {
    ({ html, options: { orientation } } = buildReport(doc, {
      ...PRESETS[preset as PresetName],
      viewId: values.view as string | undefined,
      orientation: values.landscape ? 'landscape' : 'portrait',
      lang,
      changesSince: values.since as string | undefined,
      dueDays: days,
      title: values.title as string | undefined,
      period: values.period as string | undefined,
    }));
  } finally {
    doc.close();
  }
  if (htmlOut) writeFileAtomic(htmlOut, html);
  if (pdf) {
    const { bytes, printer } = await printPdf(html, pdf, { orientation });
    io.out(`PDF geschreven naar ${pdf} (${Math.round(bytes / 1024)} kB, gedrukt met ${printer}).\n`);
  }
  return 0;
}
