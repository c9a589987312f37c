/** Images already read, sized and encoded by the layout stage, keyed by file path. */
export type PreparedImages = Map<string, { data: Buffer; format: 'png' | 'jpg' }>;

/** Placed sizes in points, so the layout stage prepares each image for exactly where it goes. */
export const placed = {
  speakerPhoto: { widthPt: 46, heightPt: 46, fit: 'cover' as const },
  moderatorPhoto: { widthPt: 38, heightPt: 38, fit: 'cover' as const },
  highlight: { widthPt: 234, heightPt: 156, fit: 'cover' as const },
  coverLogo: { widthPt: 64, heightPt: 64, fit: 'contain' as const },
};
