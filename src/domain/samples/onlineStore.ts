import { createMap } from '../edits';
import type { JourneyMap } from '../types';

/**
 * "Online store": the map a first-time user opens on. Ads, search and social bring visitors to product
 * pages; a long payment form makes many abandon at checkout; delivery updates, live chat and a thank-you
 * email lead on to repeat purchases and reviews. Positions sit in the stage bands (STAGE_WIDTH = 280 px wide each).
 */
export function onlineStoreSample(): JourneyMap {
  return createMap({
    id: 'sample-online-store',
    name: 'Online store',
    description:
      'E-commerce journey from first ad to repeat purchase. Checkout payment is the moment of truth: the long payment form loses many customers.',
    nodes: [
      { id: 'search-ad', kind: 'entry', label: 'Search ad', stage: 'awareness', channel: 'website', position: { x: 45, y: 0 }, share: 45, friction: [] },
      { id: 'social-ad', kind: 'entry', label: 'Social media ad', stage: 'awareness', channel: 'social', position: { x: 45, y: 180 }, share: 30, friction: [] },
      { id: 'organic-search', kind: 'entry', label: 'Organic search', stage: 'awareness', channel: 'website', position: { x: 45, y: 360 }, share: 25, friction: [] },
      {
        id: 'product-page', kind: 'touchpoint', label: 'Product page', stage: 'consideration', channel: 'website', position: { x: 325, y: 100 },
        scores: { nps: 31, csat: 81, ces: 5.6, responses: 412 }, emotion: 1, dropOff: 0.35,
        friction: [{ id: 'f-sizes', note: 'Size guide hard to find on mobile', severity: 2 }],
      },
      {
        id: 'live-chat', kind: 'touchpoint', label: 'Live chat', stage: 'consideration', channel: 'chat', position: { x: 325, y: 340 },
        scores: { nps: 18, csat: 74, ces: 5.1, responses: 168 }, emotion: 0,
        friction: [{ id: 'f-wait', note: 'Wait for an agent over 4 minutes at lunchtime', severity: 3 }],
      },
      {
        id: 'cart', kind: 'touchpoint', label: 'Cart', stage: 'purchase', channel: 'website', position: { x: 605, y: 0 },
        scores: { csat: 77, ces: 5.4, responses: 230 }, emotion: 0, dropOff: 0.22,
        friction: [{ id: 'f-shipping', note: 'Shipping costs appear only at the last step', severity: 3 }],
      },
      {
        id: 'checkout-payment', kind: 'touchpoint', label: 'Checkout payment', stage: 'purchase', channel: 'website', position: { x: 605, y: 220 },
        scores: { nps: -14, csat: 52, ces: 3.2, responses: 305 }, emotion: -2,
        friction: [
          { id: 'f-payment-form', note: 'Payment form is long and confusing; many abandon here', severity: 4 },
          { id: 'f-3ds', note: 'Card verification page times out', severity: 3 },
        ],
      },
      {
        id: 'delivery-updates', kind: 'touchpoint', label: 'Delivery updates', stage: 'retention', channel: 'mobile-app', position: { x: 885, y: 0 },
        scores: { nps: 42, csat: 88, ces: 6.1, responses: 254 }, emotion: 1,
        friction: [{ id: 'f-eta', note: 'Delivery window is a whole day', severity: 2 }],
      },
      {
        id: 'support-chat', kind: 'touchpoint', label: 'Delivery support chat', stage: 'retention', channel: 'chat', position: { x: 885, y: 200 },
        scores: { nps: -5, csat: 63, ces: 4.2, responses: 97 }, emotion: -1,
        friction: [{ id: 'f-repeat', note: 'Customers repeat their order number to a second agent', severity: 3 }],
      },
      {
        id: 'thank-you-email', kind: 'touchpoint', label: 'Thank-you email', stage: 'retention', channel: 'email', position: { x: 885, y: 400 },
        scores: { csat: 70, responses: 88 }, emotion: 1, dropOff: 0.1,
        friction: [],
      },
      { id: 'repeat-purchase', kind: 'outcome', label: 'Repeat purchase', stage: 'advocacy', channel: 'website', position: { x: 1165, y: 60 }, result: 'success', friction: [] },
      { id: 'review', kind: 'outcome', label: 'Writes a review', stage: 'advocacy', channel: 'social', position: { x: 1165, y: 240 }, result: 'success', friction: [] },
      { id: 'one-time-buyer', kind: 'outcome', label: 'Does not return', stage: 'advocacy', position: { x: 1165, y: 420 }, result: 'failure', friction: [] },
    ],
    edges: [
      { id: 'e-search-product', source: 'search-ad', target: 'product-page', weight: 1 },
      { id: 'e-social-product', source: 'social-ad', target: 'product-page', weight: 1 },
      { id: 'e-organic-product', source: 'organic-search', target: 'product-page', weight: 1 },
      { id: 'e-product-cart', source: 'product-page', target: 'cart', weight: 3 },
      { id: 'e-product-chat', source: 'product-page', target: 'live-chat', weight: 1, label: 'asks a question' },
      { id: 'e-chat-product', source: 'live-chat', target: 'product-page', weight: 3, label: 'back to product' },
      { id: 'e-chat-cart', source: 'live-chat', target: 'cart', weight: 2 },
      { id: 'e-cart-checkout', source: 'cart', target: 'checkout-payment', weight: 1 },
      { id: 'e-checkout-delivery', source: 'checkout-payment', target: 'delivery-updates', weight: 1 },
      { id: 'e-delivery-email', source: 'delivery-updates', target: 'thank-you-email', weight: 4 },
      { id: 'e-delivery-support', source: 'delivery-updates', target: 'support-chat', weight: 1 },
      { id: 'e-support-delivery', source: 'support-chat', target: 'delivery-updates', weight: 2 },
      { id: 'e-support-email', source: 'support-chat', target: 'thank-you-email', weight: 1 },
      { id: 'e-email-repeat', source: 'thank-you-email', target: 'repeat-purchase', weight: 45 },
      { id: 'e-email-review', source: 'thank-you-email', target: 'review', weight: 20 },
      { id: 'e-email-gone', source: 'thank-you-email', target: 'one-time-buyer', weight: 35 },
    ],
  });
}
