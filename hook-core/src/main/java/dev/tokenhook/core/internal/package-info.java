/**
 * Implementation details: the JSON codec on jackson-databind (the request as sent, its lenient
 * deserializers, the one writer of answers and reasons), read-only values and other helpers. Not API; may
 * change in any release.
 */
package dev.tokenhook.core.internal;
