package dev.tokenhook.examples.patient;

/**
 * The patient table could not be read or written. The message names the operation and the SQLState,
 * never a login or a patient id.
 */
public final class PatientStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without personal data
     * @param cause the driver's exception
     */
    public PatientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
