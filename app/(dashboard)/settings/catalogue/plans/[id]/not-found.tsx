import { CatalogueNotFound } from "@/components/catalogue/catalogue-not-found";

const PlanNotFound = () => <CatalogueNotFound thing="plan" />;

export default PlanNotFound;
