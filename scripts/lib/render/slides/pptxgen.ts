import pptxgenModule from 'pptxgenjs';

/**
 * pptxgenjs, typed. Its type file describes a CommonJS module whose default
 * export is the class, so TypeScript (NodeNext) sees the class at `.default`;
 * Node loads its ES build, whose default export is the class itself.
 */
type PptxGenJSClass = typeof pptxgenModule.default;
export const PptxGenJS: PptxGenJSClass = (pptxgenModule as unknown as { default?: PptxGenJSClass }).default ?? (pptxgenModule as unknown as PptxGenJSClass);

export type Presentation = InstanceType<PptxGenJSClass>;
export type Slide = import('pptxgenjs').default.Slide;
export type TextProps = import('pptxgenjs').default.TextProps;
export type ShapeType = import('pptxgenjs').default.ShapeType;
export type SlideMasterProps = import('pptxgenjs').default.SlideMasterProps;
