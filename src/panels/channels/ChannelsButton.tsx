/** The toolbar's "Channels" button; the dialog loads when first wanted (LazyDialogButton). */
import { lazy } from 'react';
import { LazyDialogButton } from '../LazyDialogButton';

const loadDialog = () => import('./ChannelsDialog');
const ChannelsDialog = lazy(loadDialog);

export const ChannelsButton = () => (
  <LazyDialogButton label="Channels" title="Add, rename, recolour and delete the map's channels" dialog={ChannelsDialog} preload={loadDialog} />
);
