package dev.cfc.dsl;

/**
 * A reusable profile of container settings, applied with {@code .defaults(profile)}. A value set
 * on the container beats the profile's, and an environment override beats both; maps such as
 * {@code env} merge key by key.
 *
 * @param settings the profile's values
 * @param where where the profile was built
 */
public record ContainerDefaults(Settings settings, SourceLocation where) {

  /** Starts a profile. */
  public static Builder builder() {
    return new Builder();
  }

  /** One-shot builder of a {@link ContainerDefaults} profile; has every container setter. */
  public static final class Builder extends SettingsBuilder<Builder> {
    Builder() {}

    /** The profile; the builder cannot be used after this. */
    public ContainerDefaults build() {
      markUsed();
      return new ContainerDefaults(settings(), SourceLocation.ofCaller());
    }
  }
}
