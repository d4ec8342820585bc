import { statusPathProblems, type StatusEvent } from './order-invariants';

const placed: StatusEvent = { fromStatus: null, toStatus: 'pending_payment', action: 'place', actorKind: 'shopper' };

describe('the status path check used on every order', () => {
  it('accepts place → pay → releaseToShip → ship → autoConfirm', () => {
    expect(
      statusPathProblems([
        placed,
        { fromStatus: 'pending_payment', toStatus: 'paid', action: 'pay', actorKind: 'provider' },
        { fromStatus: 'paid', toStatus: 'to_ship', action: 'releaseToShip', actorKind: 'system' },
        { fromStatus: 'to_ship', toStatus: 'shipped', action: 'ship', actorKind: 'staff' },
        { fromStatus: 'shipped', toStatus: 'completed', action: 'autoConfirm', actorKind: 'system' },
      ]),
    ).toEqual([]);
  });

  it('reports an event that does not start where the previous one ended', () => {
    const problems = statusPathProblems([placed, { fromStatus: 'to_ship', toStatus: 'shipped', action: 'ship', actorKind: 'staff' }]);
    expect(problems).toEqual([expect.stringContaining('but the order was pending_payment')]);
  });

  it('reports a transition the table does not allow for that actor', () => {
    const problems = statusPathProblems([placed, { fromStatus: 'pending_payment', toStatus: 'cancelled', action: 'expire', actorKind: 'shopper' }]);
    expect(problems).toEqual([expect.stringContaining('not allowed')]);
  });

  it('reports a history that does not begin with the order being placed', () => {
    expect(statusPathProblems([{ fromStatus: 'pending_payment', toStatus: 'paid', action: 'pay', actorKind: 'provider' }])).toHaveLength(1);
  });
});
