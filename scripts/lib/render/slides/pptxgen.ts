import pptxgenModule from 'pptxgenjs';

/**
 * pptxgenjs, typed. Its type file describes a CommonJS module whose default
 * export is the class, so TypeScript (NodeNext) sees the class at `.default`;
 * Node loads its ES build, whose default export is the class itself.
 */
type PptxGenJSClass = typeof pptxgenModule.default;
export const PptxGenJS: PptxGenJSClass =
  (pptxgenModule as unknown as { default?: PptxGenJSClass }).default ??
  (pptxgenModule as unknown as PptxGenJSClass);

export type {
  Presentation,
  ShapeType,
  Slide,
  SlideMasterProps,
  TextProps,
} from '../../../../templates/slides/pptx.ts';
