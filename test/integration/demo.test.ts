import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { buildVoorbeeldstad } from '../../electron/core/demo/voorbeeldstad';
import { networkElements } from '../../shared/graph/elements';
import type { NetworkData } from '../../shared/model';
import source from '../../resources/demo/voorbeeldstad.source.json';
import fs from 'node:fs';
import os from 'node:os';

let doc: NetworkDocument;
let data: NetworkData;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-demo-'));

beforeAll(async () => {
  doc = await NetworkDocument.open(path.join(dir, 'v.regiekaart'), { create: true, author: 'demo' });
  doc.addNetwork(buildVoorbeeldstad());
  data = doc.snapshot();
});
afterAll(() => {
  doc.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const agreement = (id: string) => data.agreements.find((a) => a.id === id)!;
const actor = (id: string) => data.actors.find((a) => a.id === id)!;

describe('Voorbeeldstad demo (domain.md §6)', () => {
  it('has 46 actors, 60 agreements, 8 recorded gaps, org units and no governance model', () => {
    const c = doc.counts();
    expect(c).toMatchObject({ actors: 46, agreements: 60, gaps: 8, governanceModels: 0, orgUnits: 2 });
    expect(data.actors.map((a) => a.id)).toEqual(source.actors.map((a) => a.id));
  });

  it('keeps every actor field: type, sectors, legal form, level and area, controlled-by', () => {
    for (const src of source.actors) {
      const a = actor(src.id);
      expect(a.name).toBe(src.name);
      expect(a.type).toBe(src.type);
      expect(a.controlledById).toBe(src.controlledBy);
      expect(a.level).toBeTruthy();
      expect(a.areaId).toBeTruthy();
    }
    expect(actor('A02').sectors).toEqual(['WELZIJN', 'INKOMEN']);
    expect(actor('A26').legalForm).toBe('PUBLIC_COMPANY');
    expect(actor('A04')).toMatchObject({ level: 'BUURT', areaId: 'W-CENTRUM' });
    expect(actor('A33').sectors).toEqual(['VEILIGHEID_JUSTITIE', 'WELZIJN']);
    expect(actor('A46').sectors).toEqual([]);
  });

  it('keeps every agreement field: direction and roles, type, status, dates, domains, groups, document', () => {
    for (const src of source.agreements) {
      const a = agreement(src.id);
      expect(a.type).toBe(src.type);
      expect(a.status).toBe(src.status);
      expect(a.parties[0].actorId).toBe(src.from);
      expect(a.parties[1].actorId).toBe(src.to);
      expect(a.startDate).toBe(src.start ?? null);
      const doc = (src as { doc?: string }).doc;
      if (doc) expect(a.decision?.reference ?? a.documentRef?.reference).toBe(doc);
    }
    expect(agreement('R01')).toMatchObject({ status: 'TE_HERZIEN', endDate: '2025-12-31', decision: { body: 'GEMEENTERAAD', reference: 'GR-2019-112' } });
    expect(agreement('R01').parties.map((p) => p.role)).toEqual(['PENHOUDER', 'PARTNERSHIP']);
    expect(agreement('R06').finance).toMatchObject({ bbcCode: 'WVG200/2', funderId: 'A46' });
    expect(agreement('R06').custom).toEqual({ oorspronkelijkeEinddatum: '2025-12-31' });
    expect(agreement('R07')).toMatchObject({ reviewDate: '2025-04-01', lifeDomains: ['WELZIJN', 'WONEN'], targetGroups: ['ARMOEDE', 'DAK_THUISLOZEN'] });
    expect(agreement('R09').parties[0]).toMatchObject({ actorId: 'A01', functionId: 'F1', cluster: 'LOKALE_BESTUREN' });
    expect(agreement('R37').parties[0]).toMatchObject({ role: 'FUNDER', orgUnitId: 'U1' });
    expect(agreement('R59')).toMatchObject({ status: 'CONCEPT', startDate: null });
    expect(agreement('R60').parties.map((p) => `${p.actorId}:${p.role}`)).toEqual(['A01:ADVISOR', 'A46:ADDRESSEE', 'A05:SUBJECT']);
    expect(agreement('R42').documentRef?.reference).toBe('ZR-ONTSLAG-22');
  });

  it('records the 8 gaps with rule, severity, status and evidence', () => {
    expect(data.gaps.map((g) => `${g.id}:${g.ruleId}:${g.severity}`)).toEqual([
      'GAP1:G1:HIGH',
      'GAP2:G2+G5:HIGH',
      'GAP3:G9:HIGH',
      'GAP4:G8:HIGH',
      'GAP5:G6:MEDIUM',
      'GAP6:G7:MEDIUM',
      'GAP7:G5:MEDIUM',
      'GAP8:G4:MEDIUM',
    ]);
    expect(data.gaps.find((g) => g.id === 'GAP7')!.agreementIds).toEqual(['R23', 'R32', 'R56', 'R57', 'R45', 'R42', 'R07']);
    expect(data.gaps.find((g) => g.id === 'GAP2')!.status).toBe('IN_BEHANDELING');
  });

  it('models the role-conflict context: org units, functions, roles, partnerships and members', () => {
    expect(data.orgUnits.find((u) => u.id === 'U2')).toMatchObject({ parentUnitId: 'U1', reportsTo: 'diensthoofd Welzijn' });
    expect(data.services.filter((s) => s.orgUnitId === 'U1').map((s) => s.providerId).sort()).toEqual(['A03', 'A04', 'A08']);
    expect(data.roles.find((r) => r.id === 'RA8')).toMatchObject({ role: 'CHAIR', functionId: 'F1', partnershipId: 'P-ZORGRAAD' });
    expect(data.roles.find((r) => r.id === 'RA9')).toMatchObject({ statutory: true });
    const gbo = data.members.filter((m) => m.partnershipId === 'P-GBO').map((m) => m.actorId).sort();
    expect(gbo).toEqual(['A01', 'A02', 'A12', 'A13', 'A14']);
    expect(data.members.filter((m) => m.partnershipId === 'P-HVK').map((m) => m.cluster)).toEqual(
      expect.arrayContaining(['PREVENTIEVE_GEZONDHEID', 'OPVOEDINGSONDERSTEUNING', 'ONTMOETING']),
    );
  });

  it('draws 46 actors, partnerships as hubs, and a three-party agreement as its own node', () => {
    const vocab = doc.vocab();
    const { nodes, edges } = networkElements(data, vocab);
    expect(nodes.filter((n) => n.kind === 'actor')).toHaveLength(46);
    expect(nodes.find((n) => n.id === 'A18')).toMatchObject({ hub: true, shape: 'octagon' });
    expect(nodes.find((n) => n.id === 'partnership:P-THUISZORG')).toMatchObject({ hub: true });
    expect(nodes.find((n) => n.id === 'agreement:R60')).toMatchObject({ kind: 'agreement' });
    expect(edges.filter((e) => e.id.startsWith('agreement:R60:'))).toHaveLength(3);
    // R02 (OCMW → GBO) is drawn once, as its agreement, not again as a member edge.
    expect(edges.filter((e) => e.source === 'A02' && e.target === 'A18')).toHaveLength(1);
    expect(edges.find((e) => e.id === 'agreement:R59')?.line).toBe('dashed');
    expect(nodes.find((n) => n.id === 'A05')).toMatchObject({ color: '#c0504d', shape: 'ellipse' });
    // A30 is the isolated actor of GAP5.
    expect(edges.some((e) => e.source === 'A30' || e.target === 'A30')).toBe(false);
  });
});
