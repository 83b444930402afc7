import { CatalogueNotFound } from "@/components/catalogue/catalogue-not-found";

const MeterNotFound = () => <CatalogueNotFound thing="meter" />;

export default MeterNotFound;
