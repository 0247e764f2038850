export { createPlacetelAdapter } from './adapter';
export { placetelRoutes } from './routes';
