import { box } from './box';
import { circle } from './circle';
import { drop } from './drop';
import { grid } from './grid';
import { leaf } from './leaf';
import type { ImageMotif, MotifShape } from './motif';
import { stripes } from './stripes';

export const motifShapes: Record<ImageMotif, MotifShape> = { circle, stripes, grid, leaf, drop, box };
