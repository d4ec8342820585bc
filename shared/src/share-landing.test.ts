import { h5LandingPath, shareIdFromLanding } from './share-landing';

describe('finding the share id a landing page was opened with', () => {
  it('reads a scanned code’s scene, which WeChat passes URL-encoded', () => {
    expect(shareIdFromLanding({ scene: 'q3Zk8_Lm2xWa' })).toBe('q3Zk8_Lm2xWa');
    expect(shareIdFromLanding({ scene: encodeURIComponent('Ab-9_xYz12') })).toBe('Ab-9_xYz12');
    expect(shareIdFromLanding({ scene: 'Ab%2D9_xYz12' })).toBe('Ab-9_xYz12');
  });

  it('reads `s` from a share card path or h5 link', () => {
    expect(shareIdFromLanding({ s: 'q3Zk8_Lm2xWa', id: '8c3a2f4e-0000-4000-8000-000000000000' })).toBe('q3Zk8_Lm2xWa');
  });

  it('prefers the scene when both are present', () => {
    expect(shareIdFromLanding({ scene: 'FromTheCode1', s: 'FromThePath1' })).toBe('FromTheCode1');
  });

  it('finds nothing when the page was opened without a share', () => {
    expect(shareIdFromLanding({})).toBeNull();
    expect(shareIdFromLanding({ scene: '', s: '' })).toBeNull();
    expect(shareIdFromLanding({ scene: undefined })).toBeNull();
  });

  it.each([
    ['too short', 'abc123'],
    ['longer than a share id', 'A'.repeat(17)],
    ['longer than a scene may be', 'A'.repeat(33)],
    ['characters a share id never has', 'q3Zk8.Lm2xWa'],
    ['a key=value scene', 's%3Dq3Zk8_Lm2xWa'],
    ['a user id', '8c3a2f4e-0000-4000-8000-000000000000'],
    ['broken percent-encoding', 'q3Zk8_Lm2x%E0%A4%A'],
    ['markup', '%3Cscript%3E12345'],
  ])('refuses a scene that is %s', (_why, scene) => {
    expect(shareIdFromLanding({ scene })).toBeNull();
  });

  it('refuses a bad `s` rather than falling back to anything else', () => {
    expect(shareIdFromLanding({ s: 'bad id!' })).toBeNull();
  });

  it('builds the h5 landing route the share id is read back from', () => {
    const path = h5LandingPath('q3Zk8_Lm2xWa');
    expect(path).toBe('/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa');
    const query = Object.fromEntries(new URLSearchParams(path.split('?')[1]));
    expect(shareIdFromLanding(query)).toBe('q3Zk8_Lm2xWa');
  });
});
