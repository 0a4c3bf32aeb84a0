"""Errors services raise, each with a message the user can read (Vietnamese)."""


class ServiceError(Exception):
    """Bad input or an impossible request; the database is unchanged."""


class NotFoundError(ServiceError):
    pass
