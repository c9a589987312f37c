import { View } from '@react-pdf/renderer';
import type { Bookmark } from '@react-pdf/types';
import type { ComponentProps, ComponentType } from 'react';

/**
 * A View that adds an entry to the PDF outline. react-pdf reads `bookmark` on
 * any node and nests entries by the node tree, but its TypeScript types only
 * declare it on Page; this names the real runtime prop instead of casting at
 * every use.
 */
export const BookmarkedView = View as unknown as ComponentType<
  ComponentProps<typeof View> & { bookmark: Bookmark }
>;
