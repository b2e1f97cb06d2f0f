/**
 * Implementation details: the streaming JSON codec and helpers. Not API; may change in any release.
 */
package dev.tokenhook.core.internal;
