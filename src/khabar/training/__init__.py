"""Scripts that build khabar's shipped resources and train its models (reproducible, seeded)."""
