"""Geocoding: LOC entities resolved to GeoNames places, with the article's focus places marked."""

from khabar.stages.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from khabar.stages.places.geocoder import Geocoder, GeocoderOptions

__all__ = ["Candidate", "Gazetteer", "Geocoder", "GeocoderOptions", "load_gazetteer"]
