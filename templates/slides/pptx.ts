import type pptxgenModule from 'pptxgenjs';

/**
 * pptxgenjs's types, as the deck's layouts draw with them. Its type file
 * describes a CommonJS module whose default export is the class, so under
 * NodeNext the class and its namespace sit at `.default`
 * (scripts/lib/render/slides/pptxgen.ts loads the class itself).
 */
export type Presentation = InstanceType<typeof pptxgenModule.default>;
export type Slide = pptxgenModule.default.Slide;
export type TextProps = pptxgenModule.default.TextProps;
export type ShapeType = pptxgenModule.default.ShapeType;
export type SlideMasterProps = pptxgenModule.default.SlideMasterProps;
