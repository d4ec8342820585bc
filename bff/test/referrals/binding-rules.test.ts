import { decideBinding, type BindingFacts } from '../../src/modules/referrals/binding-rules';

const now = new Date('2026-06-01T08:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const newViewer: BindingFacts = {
  viewerId: 'viewer',
  sharerId: 'sharer',
  viewerInviterId: null,
  viewerCreatedAt: daysAgo(1),
  sharerInviterChain: [],
  now,
  bindingDays: 30,
};

describe('decideBinding', () => {
  it('binds a new shopper with no inviter to the sharer', () => {
    expect(decideBinding(newViewer)).toEqual({ bind: true });
  });

  it('keeps the first inviter: a shopper already bound is not bound again', () => {
    expect(decideBinding({ ...newViewer, viewerInviterId: 'someone-else' })).toEqual({ bind: false, reason: 'already_bound' });
  });

  it('never binds a shopper to themselves', () => {
    expect(decideBinding({ ...newViewer, sharerId: 'viewer' })).toEqual({ bind: false, reason: 'self' });
  });

  it('refuses a binding that would close a cycle through the sharer’s direct inviter', () => {
    expect(decideBinding({ ...newViewer, sharerInviterChain: ['viewer'] })).toEqual({ bind: false, reason: 'cycle' });
  });

  it('refuses a binding that would close a cycle further up the sharer’s chain', () => {
    expect(decideBinding({ ...newViewer, sharerInviterChain: ['a', 'b', 'c', 'viewer'] })).toEqual({ bind: false, reason: 'cycle' });
  });

  it('does not bind an account as old as the binding window', () => {
    expect(decideBinding({ ...newViewer, viewerCreatedAt: daysAgo(30) })).toEqual({ bind: false, reason: 'established_account' });
  });

  it('binds an account one minute younger than the binding window', () => {
    expect(decideBinding({ ...newViewer, viewerCreatedAt: new Date(daysAgo(30).getTime() + 60_000) })).toEqual({ bind: true });
  });
});
