/** The bundled synthetic sample (see sample-data/README.md), served from our own origin. */
export type SampleKind = 'csv' | 'x12' | 'batch';

export async function loadSampleFiles(kind: SampleKind): Promise<File[]> {
  const index = (await (await fetch('/sample-data/index.json')).json()) as Record<SampleKind, string[]>;
  return Promise.all(
    index[kind].map(async (path) => {
      const response = await fetch(`/sample-data/${path}`);
      if (!response.ok) throw new Error(`sample file ${path} could not be read (${response.status})`);
      return new File([await response.blob()], path.split('/').pop()!);
    }),
  );
}
