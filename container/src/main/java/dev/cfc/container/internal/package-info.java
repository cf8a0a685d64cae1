/**
 * What the bridge client and the in-memory fakes share: the JSON shapes of the wire protocol and
 * the argument checks. Not API: it may change in any release.
 */
package dev.cfc.container.internal;
