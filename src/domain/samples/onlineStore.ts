import { createMap } from '../edits';
import type { JourneyMap } from '../types';

/**
 * "Online store": the map a first-time user opens on. Ads, search and social bring visitors to product
 * pages; a long payment form makes many abandon at checkout; delivery updates, live chat and a thank-you
 * email lead on to repeat purchases and reviews. Positions sit in the stage bands (STAGE_WIDTH = 280 px wide each).
 *
 * Two personas: first-time buyers (60 %) come more from social ads, browse and ask chat more, lose patience
 * at the cart and face the whole payment form (their checkout drop-off comes from its friction notes);
 * returning customers (40 %) come back through search, go straight to the cart, pay with a saved card (a
 * low drop-off of their own at checkout) and buy again more often. Three opportunities, each addressing
 * friction that costs customers: the planned one-page checkout (the severity-4 payment-form note, which
 * matters to first-time buyers), a handover between chat agents, and lunchtime chat staffing (naming
 * "Live chat" without a note addresses all of its notes).
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
    personas: [
      {
        id: 'persona-first-time',
        name: 'First-time buyer',
        description: 'Never ordered here before: arrives from an ad, unsure about sizes and delivery costs, and has to fill in the whole payment form.',
        colour: '#c2410c',
        share: 60,
        nodes: [
          { node: 'social-ad', share: 45 },
          { node: 'organic-search', share: 15 },
          { node: 'product-page', dropOff: 0.4, emotion: 0 },
          { node: 'cart', dropOff: 0.3, emotion: -1 },
        ],
        edges: [{ edge: 'e-product-chat', weight: 2 }],
      },
      {
        id: 'persona-returning',
        name: 'Returning customer',
        description: 'Has ordered before: knows the sizes, pays with a saved card instead of the long form, and comes back through search or the thank-you email.',
        colour: '#0f766e',
        share: 40,
        nodes: [
          { node: 'social-ad', share: 10 },
          { node: 'organic-search', share: 45 },
          { node: 'product-page', dropOff: 0.25 },
          { node: 'checkout-payment', dropOff: 0.05, emotion: -1 },
          { node: 'delivery-updates', emotion: 2 },
        ],
        edges: [
          { edge: 'e-product-cart', weight: 6 },
          { edge: 'e-email-repeat', weight: 60 },
        ],
      },
    ],
    opportunities: [
      {
        id: 'opp-one-page-checkout',
        title: 'One-page checkout with wallets',
        description: 'Cut the payment form to one page and offer wallet payments: the form is where most first-time buyers give up.',
        owner: 'Payments team',
        status: 'planned',
        effort: 'M',
        touchpoints: ['checkout-payment'],
        friction: [{ node: 'checkout-payment', note: 'f-payment-form' }],
      },
      {
        id: 'opp-order-handover',
        title: 'Hand the order over with the chat',
        description: 'Pass the order number and the conversation so far to the second agent.',
        owner: 'Customer service',
        status: 'idea',
        effort: 'S',
        touchpoints: ['support-chat'],
        friction: [{ node: 'support-chat', note: 'f-repeat' }],
      },
      {
        id: 'opp-lunch-chat',
        title: 'More chat agents at lunchtime',
        description: 'Shift two agents to the 12:00–14:00 peak so that nobody waits more than a minute.',
        owner: 'Customer service',
        status: 'in-progress',
        effort: 'L',
        touchpoints: ['live-chat'],
        friction: [],
      },
    ],
  });
}
