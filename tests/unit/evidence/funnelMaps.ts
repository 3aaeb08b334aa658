/** Test API for funnel and calibration tests: a small shop journey with known ids and labels. */
import { makeMap } from '../simulation/maps';

/** Ad → Product page → Cart → Checkout → Purchase, with Live chat beside the product page. */
export function shopMap() {
  return makeMap(
    [
      { id: 'ad', kind: 'entry', label: 'Search ad' },
      { id: 'product', label: 'Product page' },
      { id: 'chat', label: 'Live chat', dropOff: 0.5 },
      { id: 'cart', label: 'Shopping cart', friction: [4] },
      { id: 'checkout', label: 'Checkout', dropOff: 0.3 },
      { id: 'purchase', kind: 'outcome', label: 'Purchase' },
    ],
    [
      ['ad', 'product'],
      ['product', 'cart', 3],
      ['product', 'chat', 1],
      ['chat', 'cart'],
      ['cart', 'checkout'],
      ['checkout', 'purchase'],
    ],
  );
}
