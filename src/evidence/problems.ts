/**
 * Why an evidence file or mapping was refused, as a value: where (`row 12`, `columns[2].node`, "" for the
 * whole file) and which rule. The UI turns problems into words; nothing in `evidence/` throws for bad input.
 */
export interface EvidenceProblem {
  path: string;
  rule: string;
}

export type Refused = { ok: false; problems: EvidenceProblem[] };

export function refuse(path: string, rule: string): Refused {
  return { ok: false, problems: [{ path, rule }] };
}
