/**
 * The marks shared by the markdown-it plugin (which writes them) and the preview script
 * (which checks them), in a module of their own so the preview bundle takes nothing else
 * from the plugin. Why blocks carry a nonce: markdown-it-plugin.ts.
 */

/** The attribute that ties a block to the rendering that made it. */
export const NONCE_ATTRIBUTE = 'data-tcpflow-nonce';
/** The class of the first element of a rendering, which holds its nonce. */
export const NONCE_HOLDER_CLASS = 'tcpflow-nonce';
/** A nonce as the plugin makes them: 128 random bits in hex (safe in an attribute and in a CSS selector). */
export const NONCE_SHAPE = /^[0-9a-f]{32}$/;
