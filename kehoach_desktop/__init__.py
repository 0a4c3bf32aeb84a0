"""kehoach_desktop: theo dõi thực hiện Kế hoạch cải cách hành chính của Sở."""

__version__ = "0.1.0"
APP_NAME = "KeHoachDesktop"
APP_TITLE = "Theo dõi Kế hoạch CCHC"
