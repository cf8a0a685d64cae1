package dev.cfc.container;

/**
 * What one D1 statement did ({@code D1Result.meta}).
 *
 * @param changes rows changed
 * @param lastRowId the last inserted row id
 * @param rowsRead rows read
 * @param rowsWritten rows written
 * @param durationMs time the database took, in milliseconds
 */
public record D1Meta(
    long changes, long lastRowId, long rowsRead, long rowsWritten, double durationMs) {}
