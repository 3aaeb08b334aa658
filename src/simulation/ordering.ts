/**
 * Minimum-degree elimination order for the sparse solve of one strongly connected component, on the
 * symmetric pattern of its matrix (an edge either way links two nodes). Eliminating a node joins all its
 * remaining neighbours into a clique (the fill); picking the node with the fewest neighbours each time
 * keeps that fill small: journey loops are long and thin, with a few hubs (help, home page) that this
 * order eliminates last. The order also gives the factor's structure: the neighbours a node has when it
 * is eliminated are exactly the rows of its column of L (and columns of its row of U).
 *
 * The algorithm is approximate minimum degree (Amestoy, Davis & Duff, 1996) on the quotient graph:
 * - Elements. An eliminated node is not turned into an explicit clique: it becomes an element, and each
 *   remaining node keeps a list of the elements it belongs to followed by the plain nodes it is linked to.
 *   The neighbours of a node are the nodes of its elements plus its own plain neighbours. When a node is
 *   picked, the elements it belongs to are merged into its new element and absorbed (their cliques are
 *   inside the new one), so the graph never takes more room than the matrix, however much fill there is.
 * - Supervariables. Nodes with the same neighbours (and the same elements) are indistinguishable: they are
 *   found by hashing their lists after each elimination, merged into one supervariable of weight nv, and
 *   from then on picked, eliminated and ordered together, consecutively.
 * - External degree. A supervariable's degree counts the nodes it is linked to outside itself. It is not
 *   computed exactly but bounded from above cheaply, from |Le \ Lme| (the part of each of its elements
 *   outside the new element), which AMD gets for all elements in one pass over the new element.
 * - Mass elimination. A supervariable of the new element that is linked to nothing outside it is eliminated
 *   with the pivot (it is ordered right after it, its fill is the same). Aggressive absorption: an element
 *   that lies wholly inside the new one is absorbed too.
 * Ties go to the supervariable whose degree changed last (degree lists are LIFO). The structure comes out
 * exact: a pivot's new element lists the supervariables it is linked to, expanded to their member nodes.
 *
 * Once every remaining node is linked to at least 90% of the others (and more than DENSE_TAIL_MIN nodes
 * remain), what is left is all but dense: it is emitted as a dense tail, supervariable by supervariable,
 * each column holding every later position. (Stopping earlier, at half, saves little time on the quotient
 * graph but costs fill: the remainder of a random loop still thins out when ordered.)
 */
import { Meter, type Pausable } from './pausable';

/** Fewer nodes than this are never treated as a dense block. */
const DENSE_TAIL_MIN = 64;
/** What remains is treated as dense once every node left is linked to at least this share of the others. */
const DENSE_TAIL_LINKED = 0.9;

export interface Elimination {
  readonly m: number;
  /** order[p]: the local node eliminated p-th; position[node]: its place in that order. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  /** Column p of the factor holds the positions rowIndex[colStart[p]] .. rowIndex[colStart[p+1]-1], all > p, ascending. */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
}

/** A dead object's pointer: -(parent) - 2, so that it stays below -1 (the pointer of an empty object). */
const flip = (i: number) => -i - 2;

/** A growable list of int32. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
}

/** Supervariables in doubly linked lists by degree; ties go to the one inserted last. */
class DegreeLists {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly last: Int32Array;
  readonly degree: Int32Array;
  constructor(n: number) {
    this.head = new Int32Array(n + 1).fill(-1);
    this.next = new Int32Array(n);
    this.last = new Int32Array(n);
    this.degree = new Int32Array(n);
  }
  insert(i: number, d: number): void {
    const { head, next, last } = this;
    this.degree[i] = d;
    last[i] = -1;
    next[i] = head[d];
    if (head[d] !== -1) last[head[d]] = i;
    head[d] = i;
  }
  remove(i: number): void {
    const { head, next, last } = this;
    if (last[i] !== -1) next[last[i]] = next[i];
    else head[this.degree[i]] = next[i];
    if (next[i] !== -1) last[next[i]] = last[i];
  }
}

/** Each supervariable's member nodes, as a linked list. */
class Members {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly next: Int32Array;
  constructor(n: number) {
    this.first = new Int32Array(n);
    this.last = new Int32Array(n);
    this.next = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) this.first[i] = this.last[i] = i;
  }
  /** Appends j's members to i's. */
  adopt(i: number, j: number): void {
    this.next[this.last[i]] = this.first[j];
    this.last[i] = this.last[j];
  }
}

/**
 * Squeezes the dead objects (pe < 0) out of iw[0..cnz): each live list's first entry is swapped for its
 * owner's flip, so that one scan finds the lists in storage order. Returns the new end.
 */
function collectGarbage(iw: Int32Array, pe: Int32Array, len: Int32Array, cnz: number): number {
  for (let j = 0; j < pe.length; j++) {
    const p = pe[j];
    if (p < 0) continue;
    pe[j] = iw[p];
    iw[p] = flip(j);
  }
  let q = 0;
  for (let p = 0; p < cnz; ) {
    const j = flip(iw[p++]);
    if (j < 0) continue;
    iw[q] = pe[j];
    pe[j] = q++;
    for (let t = 1; t < len[j]; t++) iw[q++] = iw[p++];
  }
  return q;
}

/** The marks in w (w[e] >= mark: seen in this pass) stay below 2^30; this brings them all back to 1 (0 stays 0). */
const MARK_LIMIT = 0x3fffffff;
function clearMarks(w: Int32Array): number {
  for (let e = 0; e < w.length; e++) if (w[e] !== 0) w[e] = 1;
  return 2;
}

/**
 * `rowStart`/`target`: the component's directed adjacency in local indices (self-loops and repeated
 * edges allowed).
 */
export function* minimumDegreeOrder(m: number, rowStart: Int32Array, target: Int32Array, meter: Meter): Pausable<Elimination> {
  const n = m;
  // The symmetric pattern without self-loops or repeats, as one list per node.
  const links = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const j = target[p];
      if (j === i) continue;
      links[i]++;
      links[j]++;
    }
  }
  const pe = new Int32Array(n); // where each object's list starts in iw (or flip(parent) once dead, -1 if empty)
  const len = new Int32Array(n); // its length
  let cnz = 0;
  for (let i = 0; i < n; i++) {
    pe[i] = cnz;
    cnz += links[i];
  }
  // Elbow room for new elements (garbage collection reclaims what absorbed ones held).
  let iw = new Int32Array(cnz + (cnz >> 2) + 2 * n + 16);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const j = target[p];
      if (j === i) continue;
      iw[pe[i] + len[i]++] = j;
      iw[pe[j] + len[j]++] = i;
    }
  }
  const w = new Int32Array(n).fill(-1);
  cnz = 0;
  for (let i = 0; i < n; i++) {
    const start = pe[i];
    pe[i] = cnz;
    for (let q = start; q < start + len[i]; q++) {
      const j = iw[q];
      if (w[j] === i) continue;
      w[j] = i;
      iw[cnz++] = j;
    }
    len[i] = cnz - pe[i];
    if (len[i] === 0) pe[i] = -1;
  }
  if (meter.spend(rowStart[n])) yield;

  // elen[i] >= 0: a variable whose list starts with elen[i] elements; -1: a merged or mass-eliminated
  // variable; -2: an element. nv[i]: a principal variable's weight (negated while it is in the new element),
  // 0 for nodes merged into another. w[e]: for elements, |Le \ Lme| + mark during an elimination.
  const elen = new Int32Array(n);
  const nv = new Int32Array(n).fill(1);
  w.fill(1);
  // Degree lists, members, and hash buckets for the supervariable detection.
  const lists = new DegreeLists(n);
  const { head, next, degree } = lists;
  for (let i = n - 1; i >= 0; i--) lists.insert(i, len[i]);
  const members = new Members(n);
  const hashHead = new Int32Array(n).fill(-1);
  const hashNext = new Int32Array(n);
  const hashOf = new Int32Array(n);
  // Raising mark by more than any |Le| clears the marks of the pass before.
  let mark = 2;
  let largestElement = 0;

  // The order as it is found: pivot steps, each with its member nodes (order[stepFirst[s]..]) and the nodes
  // outside it that the step's element links (external[externalStart[s]..externalStart[s+1]-1]).
  const order = new Int32Array(n);
  const stepFirst = new IntList(n + 1);
  const externalStart = new IntList(n + 1);
  const external = new IntList(4 * n);
  externalStart.push(0);
  let eliminated = 0; // nodes eliminated (ordered) so far
  let minDegree = 0;
  while (eliminated < n) {
    while (head[minDegree] === -1) minDegree++;
    const remaining = n - eliminated;
    if (remaining > DENSE_TAIL_MIN && minDegree >= DENSE_TAIL_LINKED * (remaining - 1)) break;
    const k = head[minDegree];
    lists.remove(k);
    const elenk = elen[k];
    let nvk = nv[k];
    let operations = 0;

    // The new element Lme: the principal variables reachable from k through its elements and plain links.
    // Built in place of k's list when k belongs to no element, else at the end of iw, where it needs at most
    // degree(k) = minDegree entries (the degree bounds the nodes, so the supervariables, it links).
    if (elenk > 0 && cnz + minDegree >= iw.length) {
      cnz = collectGarbage(iw, pe, len, cnz);
      if (cnz + minDegree >= iw.length) {
        const grown = new Int32Array(2 * (cnz + minDegree));
        grown.set(iw.subarray(0, cnz));
        iw = grown;
      }
    }
    let dk = 0;
    nv[k] = -nvk;
    let p = pe[k];
    const pme1 = elenk === 0 ? p : cnz;
    let pme2 = pme1 - 1;
    for (let k1 = 0; k1 <= elenk; k1++) {
      let e: number, pj: number, ln: number;
      if (k1 === elenk) {
        e = k;
        pj = p;
        ln = len[k] - elenk;
      } else {
        e = iw[p++];
        pj = pe[e];
        ln = len[e];
      }
      operations += ln;
      for (let k2 = 0; k2 < ln; k2++) {
        const i = iw[pj++];
        const nvi = nv[i];
        if (nvi <= 0) continue;
        dk += nvi;
        nv[i] = -nvi;
        iw[++pme2] = i;
        lists.remove(i);
      }
      if (e !== k) {
        pe[e] = flip(k);
        w[e] = 0;
      }
    }
    if (elenk !== 0) cnz = pme2 + 1;
    degree[k] = dk;
    pe[k] = pme1;
    len[k] = pme2 - pme1 + 1;
    elen[k] = -2;

    // w[e] - mark = |Le \ Lme| for every element e that some variable of Lme belongs to.
    if (mark + largestElement >= MARK_LIMIT) mark = clearMarks(w);
    for (let pk = pme1; pk <= pme2; pk++) {
      const i = iw[pk];
      const eln = elen[i];
      if (eln <= 0) continue;
      const nvi = -nv[i];
      const wnvi = mark - nvi;
      operations += eln;
      for (let q = pe[i]; q < pe[i] + eln; q++) {
        const e = iw[q];
        if (w[e] >= mark) w[e] -= nvi;
        else if (w[e] !== 0) w[e] = degree[e] + wnvi;
      }
    }

    // Degree bounds of the variables of Lme, pruning their lists: absorbed elements and variables of Lme
    // (now reached through k) go, k goes first. A variable linked to nothing outside Lme is mass-eliminated.
    for (let pk = pme1; pk <= pme2; pk++) {
      const i = iw[pk];
      const p1 = pe[i];
      const p2 = p1 + elen[i] - 1;
      let pn = p1;
      let hash = 0;
      let d = 0;
      for (let q = p1; q <= p2; q++) {
        const e = iw[q];
        if (w[e] === 0) continue;
        const outside = w[e] - mark;
        if (outside > 0) {
          d += outside;
          iw[pn++] = e;
          hash += e;
        } else {
          pe[e] = flip(k);
          w[e] = 0;
        }
      }
      elen[i] = pn - p1 + 1;
      const p3 = pn;
      const p4 = p1 + len[i];
      for (let q = p2 + 1; q < p4; q++) {
        const j = iw[q];
        const nvj = nv[j];
        if (nvj <= 0) continue;
        d += nvj;
        iw[pn++] = j;
        hash += j;
      }
      operations += len[i];
      if (d === 0) {
        pe[i] = flip(k);
        const nvi = -nv[i];
        dk -= nvi;
        nvk += nvi;
        nv[i] = 0;
        elen[i] = -1;
        members.adopt(k, i);
      } else {
        degree[i] = Math.min(degree[i], d);
        iw[pn] = iw[p3];
        iw[p3] = iw[p1];
        iw[p1] = k;
        len[i] = pn - p1 + 1;
        const h = hash % n;
        hashNext[i] = hashHead[h];
        hashHead[h] = i;
        hashOf[i] = h;
      }
    }
    degree[k] = dk;
    largestElement = Math.max(largestElement, dk);
    mark += largestElement;
    if (mark + largestElement + n >= MARK_LIMIT) mark = clearMarks(w);

    // Supervariables: variables of Lme with the same hash are compared list against list (k, first in
    // every list, is skipped); a variable equal to an earlier one of its bucket is merged into it.
    for (let pk = pme1; pk <= pme2; pk++) {
      if (nv[iw[pk]] >= 0) continue;
      const h = hashOf[iw[pk]];
      let i = hashHead[h];
      hashHead[h] = -1;
      for (; i !== -1 && hashNext[i] !== -1; i = hashNext[i]) {
        const ln = len[i];
        const eln = elen[i];
        for (let q = pe[i] + 1; q < pe[i] + ln; q++) w[iw[q]] = mark;
        let jLast = i;
        for (let j = hashNext[i]; j !== -1; ) {
          let same = len[j] === ln && elen[j] === eln;
          for (let q = pe[j] + 1; same && q < pe[j] + ln; q++) if (w[iw[q]] !== mark) same = false;
          operations += ln;
          if (same) {
            pe[j] = flip(i);
            nv[i] += nv[j];
            nv[j] = 0;
            elen[j] = -1;
            members.adopt(i, j);
            j = hashNext[j];
            hashNext[jLast] = j;
          } else {
            jLast = j;
            j = hashNext[j];
          }
        }
        mark++;
      }
    }

    // The new element keeps the surviving principal variables, which go back to the degree lists with
    // their external degree bound; k and what was mass-eliminated with it are ordered now.
    eliminated += nvk;
    stepFirst.push(eliminated - nvk);
    let at = eliminated - nvk;
    for (let u = members.first[k]; u !== -1; u = members.next[u]) {
      order[at++] = u;
      meter.progress++;
    }
    p = pme1;
    for (let pk = pme1; pk <= pme2; pk++) {
      const i = iw[pk];
      const nvi = -nv[i];
      if (nvi <= 0) continue;
      nv[i] = nvi;
      const d = Math.min(degree[i] + dk - nvi, n - eliminated - nvi);
      lists.insert(i, d);
      minDegree = Math.min(minDegree, d);
      iw[p++] = i;
      for (let u = members.first[i]; u !== -1; u = members.next[u]) external.push(u);
    }
    externalStart.push(external.length);
    nv[k] = nvk;
    len[k] = p - pme1;
    if (len[k] === 0) {
      pe[k] = -1;
      w[k] = 0;
    }
    if (elenk !== 0) cnz = p;
    if (meter.spend(operations + nvk + dk)) yield;
  }

  // The dense tail: the principal variables left, lowest degree first, each one's members in a row.
  const tailStart = eliminated;
  for (let d = minDegree; d <= n && eliminated < n; d++) {
    for (let i = head[d]; i !== -1; i = next[i]) {
      for (let u = members.first[i]; u !== -1; u = members.next[u]) {
        order[eliminated++] = u;
        meter.progress++;
      }
    }
  }
  const position = new Int32Array(n);
  for (let q = 0; q < n; q++) position[order[q]] = q;

  // Columns: within a step, each member links the later members, then the step's external nodes (all
  // ordered after the step), ascending; the tail's columns hold every later position.
  const steps = stepFirst.length;
  stepFirst.push(tailStart);
  const colStart = new Int32Array(n + 1);
  let filled = 0;
  for (let s = 0; s < steps; s++) {
    const size = stepFirst.data[s + 1] - stepFirst.data[s];
    const outside = externalStart.data[s + 1] - externalStart.data[s];
    for (let t = 0; t < size; t++) {
      colStart[stepFirst.data[s] + t] = filled;
      filled += size - 1 - t + outside;
    }
  }
  for (let q = tailStart; q < n; q++) {
    colStart[q] = filled;
    filled += n - 1 - q;
  }
  colStart[n] = filled;
  const rowIndex = new Int32Array(filled);
  for (let s = 0; s < steps; s++) {
    const first = stepFirst.data[s];
    const size = stepFirst.data[s + 1] - first;
    const outside = external.data.subarray(externalStart.data[s], externalStart.data[s + 1]);
    for (let q = 0; q < outside.length; q++) outside[q] = position[outside[q]];
    outside.sort();
    for (let t = 0; t < size; t++) {
      let at = colStart[first + t];
      for (let r = first + t + 1; r < first + size; r++) rowIndex[at++] = r;
      rowIndex.set(outside, at);
    }
    if (meter.spend(size * outside.length + outside.length * Math.log2(outside.length + 1))) yield;
  }
  for (let q = tailStart; q < n; q++) {
    let at = colStart[q];
    for (let r = q + 1; r < n; r++) rowIndex[at++] = r;
    if (meter.spend(n - q)) yield;
  }
  return { m, order, position, colStart, rowIndex };
}
