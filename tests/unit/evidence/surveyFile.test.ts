import { detectSurveyFormat, MAX_SURVEY_ROWS, readSurveyFile } from '../../../src/evidence';
import { fixtureFile, fixtureText, surveyFile } from './surveyFixtures';

const keys = (text: string) => surveyFile(text).columns.map((c) => c.key);

describe('reading a Qualtrics export', () => {
  const file = fixtureFile('qualtrics.csv');

  it('is recognised by its three header rows and keys columns by question text', () => {
    expect(file.format).toBe('qualtrics');
    const q1 = file.columns.find((c) => c.id === 'Q1');
    expect(q1).toEqual({
      key: 'How likely are you to recommend our checkout to a friend or colleague?',
      label: 'Q1: How likely are you to recommend our checkout to a friend or colleague?',
      id: 'Q1',
    });
    expect(file.columns.find((c) => c.id === 'Progress')).toEqual({ key: 'Progress', label: 'Progress', id: 'Progress' });
  });

  it('keeps real, finished responses and counts the preview and the unfinished one', () => {
    expect(file.rows).toHaveLength(6);
    expect(file.skippedRows).toEqual({ preview: 1, unfinished: 1 });
    const responseId = file.columns.findIndex((c) => c.id === 'ResponseId');
    expect(file.rows.map((r) => r[responseId].slice(0, 4))).toEqual(['R_01', 'R_02', 'R_04', 'R_05', 'R_07', 'R_08']);
  });

  it('keeps a quoted comment with a comma and a line break in one cell', () => {
    const comment = file.columns.findIndex((c) => c.id === 'Q3');
    expect(file.rows[2][comment]).toBe('Shipping cost surprised me,\nI nearly left');
    expect(file.rows.every((r) => r.length === file.columns.length)).toBe(true);
  });

  it('reads Status and Finished exported as choice text', () => {
    const text = [
      'Status,Finished,Q1',
      'Response Type,Finished,How likely are you to recommend us?',
      '"{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}"',
      'IP Address,True,10',
      'Survey Preview,True,9',
      'Spam,True,8',
      'IP Address,False,7',
      '0,FALSE,6',
      '0,0,5',
      '1,1,4',
      'IP Address,1,3',
      ',,2',
    ].join('\n');
    const read = surveyFile(text);
    expect(read.rows.map((r) => r[2])).toEqual(['10', '3', '2']);
    expect(read.skippedRows).toEqual({ preview: 3, unfinished: 3 });
  });
});

describe('reading a SurveyMonkey export', () => {
  const file = fixtureFile('surveymonkey.csv');

  it('is recognised by its two header rows', () => {
    expect(file.format).toBe('surveymonkey');
    expect(file.rows).toHaveLength(4);
    expect(file.skippedRows).toEqual({ preview: 0, unfinished: 0 });
  });

  it('names a column "question — sub-label" when the sub-label says something', () => {
    expect(file.columns.map((c) => c.key)).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'IP Address',
      'Email Address',
      'First Name',
      'Last Name',
      'Custom Data 1',
      'How likely is it that you would recommend our store to a friend or colleague?',
      'How satisfied were you with the following? — Product page',
      'How satisfied were you with the following? — Checkout',
      'Which channel did you use most?',
      'Which channel did you use most? — Other (please specify)',
      'Any other comments?',
    ]);
  });
});

describe('reading a Typeform export', () => {
  const file = fixtureFile('typeform.csv');

  it('is recognised by its metadata columns and counts partial responses as unfinished', () => {
    expect(file.format).toBe('typeform');
    expect(file.columns[1].key).toBe('How easy was it to find the product page?');
    expect(file.rows.map((r) => r[0])).toEqual(['8f3kq2x9r1', '9r2mz7w1p0', '1k8hv4n6t2']);
    expect(file.skippedRows).toEqual({ preview: 0, unfinished: 1 });
  });
});

describe('reading a plain CSV', () => {
  it('detects ";", drops the byte-order mark, skips blank lines and keeps quoted delimiters and line breaks', () => {
    const file = fixtureFile('plain-semicolon.csv');
    expect(fixtureText('plain-semicolon.csv').charCodeAt(0)).toBe(0xfeff);
    expect(file.format).toBe('plain');
    expect(file.columns.map((c) => c.key)).toEqual(['Respondent', 'Checkout NPS', 'Checkout effort (CES)', 'Comment']);
    expect(file.rows).toEqual([
      ['1001', '10', '7', 'Fast; and easy, overall'],
      ['1002', '9', '6,0', 'Payment failed once,\nthen worked'],
      ['1003', '4', '3', ''],
      ['1004', 'n/a', '', 'Delivery slot, finally'],
    ]);
  });

  it('makes repeated and blank headers unique', () => {
    expect(keys('Satisfaction,,Satisfaction,Satisfaction (2)\n1,2,3,4')).toEqual([
      'Satisfaction',
      'Column 2',
      'Satisfaction (2)',
      'Satisfaction (2) (2)',
    ]);
  });

  it('pads short rows and names the extra cells of long rows', () => {
    const file = surveyFile('NPS,CSAT\n9\n10,5,late delivery');
    expect(file.columns.map((c) => c.key)).toEqual(['NPS', 'CSAT', 'Column 3']);
    expect(file.rows).toEqual([
      ['9', '', ''],
      ['10', '5', 'late delivery'],
    ]);
  });

  it('is any one-header CSV that is not a known export', () => {
    expect(detectSurveyFormat([['#', 'Question'], ['1', '9']])).toBe('plain');
    expect(detectSurveyFormat([['#', 'Question', 'Network ID'], ['1', '9', 'x']])).toBe('typeform');
    expect(detectSurveyFormat([['Respondent ID', 'Q'], ['', 'Response'], ['1', '9']])).toBe('surveymonkey');
  });
});

describe('refusing a file', () => {
  it.each([
    ['empty', '', 'the file is empty: it needs a header row and data rows'],
    ['blank lines only', '\n \n\n', 'the file is empty: it needs a header row and data rows'],
    ['a header alone', 'NPS,CSAT\n', 'the file has no responses below its header'],
    ['Qualtrics headers alone', fixtureText('qualtrics.csv').split('\r\n').slice(0, 3).join('\r\n'), 'the file has no responses below its header'],
  ])('%s', (_, text, rule) => {
    expect(readSurveyFile(text)).toEqual({ ok: false, problems: [{ path: '', rule }] });
  });

  it('with a quoted field that is never closed, naming its row', () => {
    const reading = readSurveyFile('NPS,Comment\n9,fine\n10,"never closed\n8,lost');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problems).toEqual([{ path: 'row 3', rule: expect.stringContaining('never closed') }]);
  });

  it('with more responses than the limit, and reads one at the limit', () => {
    const rows = (n: number) => `NPS\n${'9\n'.repeat(n)}`;
    expect(readSurveyFile(rows(MAX_SURVEY_ROWS + 1))).toEqual({
      ok: false,
      problems: [{ path: '', rule: 'the file has 200,001 responses; at most 200,000 can be read' }],
    });
    expect(surveyFile(rows(MAX_SURVEY_ROWS)).rows).toHaveLength(MAX_SURVEY_ROWS);
  });
});
