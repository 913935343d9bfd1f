// @ts-check
// The work report as a Word document (.docx), the format community reports are handed in as:
// A4, the title centred, each section under its heading, paragraphs indented two characters, in
// the sizes of official documents (title 二号, body 三号). Built from the report the server wrote,
// so the document says exactly what the preview says; only the sentences the report keeps.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

// Twips (1/1440 inch): A4 and the margins of official documents (37 mm top, 35 bottom, 28 and 26).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };

/** The text of a paragraph the report keeps: its sentences, joined as the language joins them. */
export function paragraphText(report, paragraph) {
  const texts = paragraph.sentences.filter((s) => !s.omitted).map((s) => s.text);
  return texts.join(report.lang === 'en' ? ' ' : '');
}

/** @param {any} report the answer of GET /reports/work-report */
export function reportDocument(report) {
  // Marked as Chinese text, so that a word processor picks Simplified Chinese glyphs.
  const language = { value: report.lang === 'en' ? 'en-GB' : 'zh-CN', eastAsia: 'zh-CN' };
  const run = (text, size, font, bold = false) => new TextRun({ text, size, font, bold, language });
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(report.title, 44, TITLE, true)] }),
  ];
  for (const section of report.sections) {
    if (section.omitted) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [run(section.title, 32, HEADING)] }));
    for (const paragraph of section.paragraphs) {
      if (paragraph.omitted) continue;
      const runs = [];
      if (paragraph.lead) runs.push(run(paragraph.lead, 32, BODY, true));
      runs.push(run(paragraphText(report, paragraph), 32, BODY));
      children.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED, children: runs }));
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(report.place, 32, BODY)] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(report.as_of, 32, BODY)] }));
  return new Document({
    creator: 'Tongxin',
    title: report.title,
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
}

/** The report as a .docx Blob, to download. */
export const reportBlob = (report) => Packer.toBlob(reportDocument(report));
